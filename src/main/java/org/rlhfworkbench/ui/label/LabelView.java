package org.rlhfworkbench.ui.label;

import java.net.URL;
import javafx.animation.AnimationTimer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.scene.Node;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The labeling screen: prompt banner on top, the K response cards below it, ranking line at the
 * bottom, progress / guidelines / history on the right, editor and help overlays above. Keys are
 * caught by an event filter and handed to the view model as {@link KeyStroke}s; an AnimationTimer
 * drains streamed text once per pulse while responses of the shown prompt are still coming in.
 */
public final class LabelView extends StackPane {
    static final String STYLESHEET = "/org/rlhfworkbench/ui/label.css";

    /** The side panel's first width: its generator fields, guidelines and history fit without cutting a word. */
    static final double SIDE_WIDTH = 310;

    private final LabelViewModel viewModel;
    private final EmptyState empty;
    /** Held in a field: a binding only the listener refers to could be garbage collected. */
    private final BooleanBinding streaming;
    private final AnimationTimer pulse = new AnimationTimer() {
        @Override
        public void handle(long now) {
            viewModel.onPulse();
        }
    };

    public LabelView(LabelViewModel viewModel) {
        this.viewModel = viewModel;
        setId("labelView");
        getStyleClass().add("label-view");
        URL css = LabelView.class.getResource(STYLESHEET);
        if (css != null) {
            getStylesheets().add(css.toExternalForm());
        }
        LabelScreen screen = viewModel.screen();
        CardsGrid cardsGrid = new CardsGrid(viewModel);
        Label generatorLine = new Label();
        generatorLine.setId("generatorLine");
        generatorLine.getStyleClass().add("generator-line");
        generatorLine.setMinWidth(0);
        generatorLine.setWrapText(true);
        generatorLine.textProperty().bind(viewModel.generator().cardsLineProperty());
        generatorLine.setTooltip(new Tooltip());
        generatorLine.getTooltip().textProperty().bind(generatorLine.textProperty());
        VBox.setVgrow(cardsGrid, Priority.ALWAYS);
        BorderPane work = new BorderPane(new VBox(generatorLine, cardsGrid));
        work.setTop(new PromptBanner(screen));
        work.setBottom(new LabelStatusLine(viewModel));
        empty = new EmptyState(screen);
        work.visibleProperty().bind(Bindings.createBooleanBinding(() -> screen.phaseProperty().get().showsCards(),
                screen.phaseProperty()));
        empty.visibleProperty().bind(work.visibleProperty().not());
        SidePanel side = new SidePanel(viewModel, this::requestFocus);
        side.visibleProperty().bind(Bindings.createBooleanBinding(() -> screen.phaseProperty().get() == Phase.LABELING
                || screen.phaseProperty().get() == Phase.FINISHED, screen.phaseProperty()));
        // the divider stays when the panel hides, so the window keeps (and remembers) its position
        SplitPane layout = new SplitPane(new StackPane(work, empty), side);
        layout.setId("labelSplit");
        SplitPane.setResizableWithParent(side, false);
        // the side panel starts SIDE_WIDTH wide, whatever width the tab first gets (a remembered divider comes later)
        layout.widthProperty().addListener(new javafx.beans.value.ChangeListener<>() {
            @Override
            public void changed(javafx.beans.value.ObservableValue<? extends Number> obs, Number old, Number width) {
                if (width.doubleValue() > SIDE_WIDTH * 2) {
                    layout.setDividerPositions(1 - SIDE_WIDTH / width.doubleValue());
                    layout.widthProperty().removeListener(this);
                }
            }
        });
        getChildren().addAll(layout, new EditorOverlay(viewModel), new HelpOverlay(viewModel));

        setFocusTraversable(true);
        addEventFilter(KeyEvent.KEY_PRESSED, this::onKey);
        // a filter, not a handler: buttons, lists and combo boxes consume their clicks, and the keys
        // must come back to labeling after any click in the tab that is not into a text field
        addEventFilter(MouseEvent.MOUSE_PRESSED, e -> {
            if (!(e.getTarget() instanceof Node target && insideTextInput(target))) {
                requestFocus();
            }
        });
        screen.phaseProperty().addListener((obs, old, phase) -> {
            Node focus = getScene() == null ? null : getScene().getFocusOwner();
            if (phase.showsCards() && (focus == null || isAncestorOf(focus)) && !insideTextInput(focus)) {
                requestFocus();
            }
        });
        viewModel.keySettings().setDialog(() -> KeyMapDialog.show(this, viewModel));
        viewModel.editor().openBinding().addListener((obs, was, open) -> {
            if (!open) {
                requestFocus();
            }
        });
        // the timer runs only while text can still arrive for the shown cards
        streaming = Bindings.createBooleanBinding(() -> getScene() != null
                        && screen.phaseProperty().get().showsCards() && !viewModel.allShownProperty().get(),
                sceneProperty(), screen.phaseProperty(), viewModel.allShownProperty());
        streaming.addListener((obs, was, on) -> {
            if (on) {
                pulse.start();
            } else {
                pulse.stop();
            }
        });
    }

    /** A button on the empty screen while there is no project or no model, e.g. the new-project guide. */
    public void setEmptyAction(String text, Runnable action) {
        empty.setAction(text, action);
    }

    private void onKey(KeyEvent event) {
        if (event.getCode() == KeyCode.UNDEFINED || event.getCode().isModifierKey()) {
            return;
        }
        if (!viewModel.editor().isOpen() && editingText(event)) {
            return;
        }
        KeyStroke stroke = new KeyStroke(event.getCode(), event.isShortcutDown(), event.isShiftDown(), event.isAltDown());
        if (viewModel.handleKey(stroke)) {
            event.consume();
        }
    }

    private boolean isAncestorOf(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (n == this) {
                return true;
            }
        }
        return false;
    }

    /** Card texts keep the focus a click gives them (to select and copy); keys still pass the filter. */
    private static boolean insideTextInput(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (n instanceof TextInputControl) {
                return true;
            }
        }
        return false;
    }

    /** Typing into some other editable field of the view (not the overlay editor) is left alone. */
    private boolean editingText(KeyEvent event) {
        Node focus = getScene() == null ? null : getScene().getFocusOwner();
        return focus instanceof TextInputControl input && input.isEditable();
    }
}

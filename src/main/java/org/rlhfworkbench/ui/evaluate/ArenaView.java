package org.rlhfworkbench.ui.evaluate;

import javafx.beans.binding.Bindings;
import javafx.scene.Node;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.StackPane;
import org.rlhfworkbench.ui.charts.Pulse;

/**
 * The Evaluate tab: "Judge" (setup form, then the blind pairs) and "Results" (names revealed).
 * Keys go through an event filter to {@link ArenaKeys} unless a text field has the focus; R
 * moves the focus to the reason field and Enter brings it back. Streamed text is drained on the pulse.
 */
public final class ArenaView extends TabPane {
    public static final String STYLESHEET = "/org/rlhfworkbench/ui/arena.css";
    private final ArenaViewModel vm;
    private final StackPane judgeArea;
    private final JudgePane judge;

    public ArenaView(ArenaViewModel vm) {
        this.vm = vm;
        setId("arenaView");
        setTabClosingPolicy(TabClosingPolicy.UNAVAILABLE);
        java.net.URL css = ArenaView.class.getResource(STYLESHEET);
        if (css != null) {
            getStylesheets().add(css.toExternalForm());
        }
        SetupPane setup = new SetupPane(vm);
        judge = new JudgePane(vm);
        setup.visibleProperty().bind(Bindings.createBooleanBinding(() -> vm.phaseProperty().get() == ArenaViewModel.Phase.SETUP
                || vm.phaseProperty().get() == ArenaViewModel.Phase.NO_PROJECT, vm.phaseProperty()));
        judge.visibleProperty().bind(setup.visibleProperty().not());
        judgeArea = new StackPane(setup, judge);
        judgeArea.setFocusTraversable(true);
        Tab judgeTab = new Tab("Judge", judgeArea);
        judgeTab.setId("arenaJudgeTab");
        Tab results = new Tab("Results (names revealed)", new ResultsPane(vm.results()));
        results.setId("arenaResultsTab");
        getTabs().addAll(judgeTab, results);
        judgeArea.addEventFilter(KeyEvent.KEY_PRESSED, this::onKey);
        judgeArea.setOnMousePressed(e -> {
            if (!(e.getTarget() instanceof Node n && insideTextInput(n))) {
                judgeArea.requestFocus();
            }
        });
        vm.phaseProperty().addListener((obs, old, phase) -> {
            if (phase == ArenaViewModel.Phase.JUDGING) {
                judgeArea.requestFocus();
            }
        });
        Pulse.whileShown(this, vm::onPulse);
    }

    /** Gives the judge area the focus, so keys vote (the main window calls it when the tab is chosen). */
    @Override
    public void requestFocus() {
        judgeArea.requestFocus();
    }

    private void onKey(KeyEvent e) {
        Node focus = getScene() == null ? null : getScene().getFocusOwner();
        if (focus != null && insideTextInput(focus) || vm.phaseProperty().get() == ArenaViewModel.Phase.SETUP) {
            return;
        }
        if (e.getCode() == KeyCode.R && !e.isShortcutDown() && vm.phaseProperty().get() == ArenaViewModel.Phase.JUDGING) {
            judge.reason.requestFocus();
            e.consume();
            return;
        }
        if (ArenaKeys.handle(vm, e.getCode(), e.isShiftDown(), e.isShortcutDown())) {
            e.consume();
        }
    }

    private static boolean insideTextInput(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (n instanceof TextInputControl t && t.isEditable()) {
                return true;
            }
        }
        return false;
    }
}

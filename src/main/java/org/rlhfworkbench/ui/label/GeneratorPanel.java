package org.rlhfworkbench.ui.label;

import javafx.beans.binding.Bindings;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.rlhfworkbench.jobs.label.GeneratorChoice;
import org.rlhfworkbench.jobs.label.PromptFormat;

/**
 * The side panel's "Answers from" section: the model that generates (any of the project's
 * models, with family, size and chat template), K, temperature, top-p, max new tokens and the
 * prompt format; one line says what is wrong; Apply (or Enter in a field) makes them generate the
 * next prompt. After Apply, Enter or Esc the keys go back to labeling. Node ids: generatorModel,
 * generatorK, generatorTemperature, generatorTopP, generatorMaxTokens, formatChat, formatPlain,
 * generatorProblem, generatorApply.
 */
final class GeneratorPanel extends TitledPane {

    GeneratorPanel(GeneratorForm form, Runnable backToLabeling) {
        setId("generatorPane");
        setText("Answers from");
        getStyleClass().add("generator-pane");
        setFocusTraversable(false);

        ComboBox<GeneratorChoice> model = new ComboBox<>(form.models());
        model.setId("generatorModel");
        model.setFocusTraversable(false);
        model.setMaxWidth(Double.MAX_VALUE);
        // a long model name must not widen the panel: the button wraps it instead
        model.setMinWidth(0);
        model.setPrefWidth(120);
        model.setPromptText("no model yet");
        model.valueProperty().bindBidirectional(form.modelProperty());
        model.setButtonCell(new ChoiceCell(false));
        Tooltip modelTip = new Tooltip();
        modelTip.textProperty().bind(Bindings.createStringBinding(() -> model.getValue() == null ? "No model yet"
                : model.getValue().describe(), model.valueProperty()));
        model.setTooltip(modelTip);
        model.setCellFactory(list -> new ChoiceCell(true));

        TextField k = field("generatorK", form.kProperty(), "Answers per prompt, 2 to 9 (one number key per card)");
        TextField temperature = field("generatorTemperature", form.temperatureProperty(),
                "Sampling temperature, above 0 (0.7: some variety among the answers)");
        TextField topP = field("generatorTopP", form.topPProperty(), "Nucleus sampling, above 0 and at most 1 (1 keeps all)");
        TextField maxTokens = field("generatorMaxTokens", form.maxNewTokensProperty(),
                "Max new tokens per answer, 1 to 4096; a longer answer is cut and marked on its card");

        ToggleGroup formats = new ToggleGroup();
        RadioButton chat = new RadioButton("chat template");
        chat.setId("formatChat");
        chat.setUserData(PromptFormat.CHAT);
        chat.disableProperty().bind(form.chatOfferedBinding().not());
        chat.setTooltip(new Tooltip("The model's own chat template (offered only when the model has one)"));
        RadioButton plain = new RadioButton("plain");
        plain.setId("formatPlain");
        plain.setUserData(PromptFormat.PLAIN);
        plain.setTooltip(new Tooltip("\"User: {prompt}\\nAssistant:\" (the project's plain template)"));
        for (RadioButton b : new RadioButton[] {chat, plain}) {
            b.setToggleGroup(formats);
            b.setFocusTraversable(false);
        }
        formats.selectToggle(PromptFormat.CHAT.equals(form.formatProperty().get()) ? chat : plain);
        form.formatProperty().addListener((obs, old, now) -> formats.selectToggle(PromptFormat.CHAT.equals(now) ? chat : plain));
        formats.selectedToggleProperty().addListener((obs, old, now) -> {
            if (now != null) {
                form.formatProperty().set((String) now.getUserData());
            }
        });

        GridPane grid = new GridPane();
        grid.getStyleClass().add("generator-grid");
        grid.getColumnConstraints().addAll(new ColumnConstraints(), grow(), new ColumnConstraints(), grow());
        grid.add(model, 0, 0, 4, 1);
        grid.addRow(1, caption("K"), k, caption("Temperature"), temperature);
        grid.addRow(2, caption("Top-p"), topP, caption("Max tokens"), maxTokens);
        HBox formatRow = new HBox(chat, plain);
        formatRow.getStyleClass().add("generator-formats");
        grid.add(caption("Prompt"), 0, 3);
        grid.add(formatRow, 1, 3, 3, 1);

        Label problem = new Label();
        problem.setId("generatorProblem");
        problem.getStyleClass().add("generator-problem");
        problem.setWrapText(true);
        problem.textProperty().bind(form.problemProperty());
        problem.visibleProperty().bind(form.problemProperty().isNotEmpty());
        problem.managedProperty().bind(problem.visibleProperty());
        Button apply = new Button("Apply from the next prompt");
        apply.setId("generatorApply");
        apply.setFocusTraversable(false);
        apply.setMinWidth(USE_PREF_SIZE);
        apply.disableProperty().bind(Bindings.isEmpty(form.models()));
        apply.setOnAction(e -> {
            form.apply();
            backToLabeling.run();
        });
        for (TextField f : new TextField[] {k, temperature, topP, maxTokens}) {
            f.setOnAction(e -> {
                if (form.apply()) {
                    backToLabeling.run();
                }
            });
            f.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
                if (e.getCode() == KeyCode.ESCAPE) {
                    backToLabeling.run();
                    e.consume();
                }
            });
        }
        setContent(new VBox(grid, problem, apply));
        getContent().getStyleClass().add("generator-content");
    }

    private static TextField field(String id, javafx.beans.property.StringProperty value, String tip) {
        TextField f = new TextField();
        f.setId(id);
        f.setPrefColumnCount(4);
        f.setMinWidth(40);
        f.textProperty().bindBidirectional(value);
        f.setTooltip(new Tooltip(tip));
        return f;
    }

    private static Label caption(String text) {
        Label l = new Label(text);
        l.setMinWidth(USE_PREF_SIZE);
        return l;
    }

    private static ColumnConstraints grow() {
        ColumnConstraints c = new ColumnConstraints();
        c.setHgrow(Priority.ALWAYS);
        return c;
    }

    /** "sft-3 (gpt2, 124M)" in the button; the list adds kind, id and "chat template". */
    private static final class ChoiceCell extends ListCell<GeneratorChoice> {
        private final boolean full;

        ChoiceCell(boolean full) {
            this.full = full;
            setWrapText(!full);
        }

        @Override
        protected void updateItem(GeneratorChoice item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty || item == null ? null : full ? item.describe() : item.label() + " · " + item.kind());
        }
    }
}

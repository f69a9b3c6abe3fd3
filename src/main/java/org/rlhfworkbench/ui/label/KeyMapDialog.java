package org.rlhfworkbench.ui.label;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import javafx.event.ActionEvent;
import javafx.event.EventHandler;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;

/**
 * Remaps the labeling keys: one field per action holding its keys ("DIGIT1, NUMPAD1",
 * "Shortcut+Z"); "Record" takes the next key pressed. Saved through the view model's key map store.
 */
final class KeyMapDialog {
    private static final ButtonType RESET = new ButtonType("Defaults", ButtonBar.ButtonData.LEFT);

    private KeyMapDialog() {
    }

    static void show(Node owner, LabelViewModel viewModel) {
        Dialog<KeyMap> dialog = new Dialog<>();
        dialog.setTitle("Labeling keys");
        dialog.setHeaderText("Keys per action, comma separated, e.g. \"T, EQUALS\" or \"Shortcut+Z\"");
        if (owner.getScene() != null) {
            dialog.initOwner(owner.getScene().getWindow());
        }
        Map<LabelAction, TextField> fields = new EnumMap<>(LabelAction.class);
        GridPane grid = new GridPane();
        grid.getStyleClass().add("keymap-grid");
        int row = 0;
        for (LabelAction action : LabelAction.values()) {
            TextField field = new TextField(format(viewModel.keySettings().get(), action));
            field.setId("keys-" + action.name());
            field.setPrefColumnCount(18);
            Button record = new Button("Record");
            record.setOnAction(e -> record(record, field));
            fields.put(action, field);
            grid.addRow(row++, new Label(action.description()), field, record);
        }
        Label error = new Label();
        error.getStyleClass().add("keymap-error");
        dialog.getDialogPane().setContent(new VBox(8, new ScrollPane(grid), error));
        dialog.getDialogPane().getButtonTypes().addAll(RESET, ButtonType.OK, ButtonType.CANCEL);
        dialog.getDialogPane().lookupButton(RESET).addEventFilter(ActionEvent.ACTION, e -> {
            fields.forEach((action, field) -> field.setText(format(KeyMap.defaults(), action)));
            e.consume();
        });
        dialog.getDialogPane().lookupButton(ButtonType.OK).addEventFilter(ActionEvent.ACTION, e -> {
            try {
                dialog.setResult(read(fields));
            } catch (IllegalArgumentException bad) {
                error.setText(bad.getMessage());
                e.consume();
            }
        });
        dialog.setResultConverter(button -> button == ButtonType.OK ? read(fields) : null);
        dialog.setOnHidden(e -> {
            if (dialog.getResult() != null) {
                viewModel.keySettings().set(dialog.getResult());
            }
        });
        dialog.show();
    }

    private static String format(KeyMap keys, LabelAction action) {
        return String.join(", ", keys.keysOf(action).stream().map(KeyStroke::format).toList());
    }

    private static KeyMap read(Map<LabelAction, TextField> fields) {
        Map<LabelAction, List<KeyStroke>> chosen = new EnumMap<>(LabelAction.class);
        fields.forEach((action, field) -> chosen.put(action, KeyMap.parseList(field.getText())));
        return KeyMap.of(chosen);
    }

    /** The next key pressed (not a lone modifier) replaces the field's keys. */
    private static void record(Button button, TextField field) {
        button.setText("Press a key…");
        button.getScene().addEventFilter(KeyEvent.KEY_PRESSED, new EventHandler<>() {
            @Override
            public void handle(KeyEvent event) {
                if (event.getCode().isModifierKey()) {
                    return;
                }
                field.setText(new KeyStroke(event.getCode(), event.isShortcutDown(), event.isShiftDown(),
                        event.isAltDown()).format());
                button.setText("Record");
                button.getScene().removeEventFilter(KeyEvent.KEY_PRESSED, this);
                event.consume();
            }
        });
    }
}

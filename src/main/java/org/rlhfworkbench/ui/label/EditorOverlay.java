package org.rlhfworkbench.ui.label;

import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/** The text editor over the cards: a correction, the labeler's own answer, or a flag note. */
final class EditorOverlay extends StackPane {

    EditorOverlay(LabelViewModel viewModel) {
        EditorModel editor = viewModel.editor();
        setId("editorOverlay");
        getStyleClass().add("label-overlay");
        visibleProperty().bind(editor.openBinding());
        Label title = new Label();
        title.getStyleClass().add("overlay-title");
        title.setWrapText(true);
        title.textProperty().bind(editor.titleProperty());
        TextArea area = new TextArea();
        area.setId("editorText");
        area.setWrapText(true);
        area.textProperty().bindBidirectional(editor.textProperty());
        VBox.setVgrow(area, Priority.ALWAYS);
        Button save = new Button("Save (Ctrl+Enter)");
        save.setId("editorSave");
        save.setOnAction(e -> viewModel.saveEditor());
        Button cancel = new Button("Cancel (Esc)");
        cancel.setId("editorCancel");
        cancel.setOnAction(e -> viewModel.cancelEditor());
        VBox panel = new VBox(title, area, new HBox(8, save, cancel));
        panel.getStyleClass().add("overlay-panel");
        panel.setMaxSize(900, 600);
        getChildren().add(panel);
        editor.openBinding().addListener((obs, was, open) -> {
            if (open) {
                Platform.runLater(() -> {
                    area.requestFocus();
                    area.positionCaret(area.getLength());
                });
            }
        });
    }
}

package org.rlhfworkbench.ui.project;

import java.io.File;
import javafx.beans.binding.Bindings;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.rlhfworkbench.formats.ImportFormat;
import org.rlhfworkbench.ui.data.DataViewModel;

/**
 * A file to import in the new-project guide: choose it and its format, see the first records, the
 * good and bad line counts with the reasons, and whether to skip bad lines (the import dialog's
 * {@link DataViewModel}; the guide imports when the project is made). Ids start with {@code idPrefix}.
 */
final class ImportFilePane extends VBox {
    static final double LIST_HEIGHT = 70;

    ImportFilePane(DataViewModel vm, String idPrefix, String title) {
        setSpacing(4);
        Label caption = new Label(title);
        caption.getStyleClass().add("section-title");
        Label file = new Label();
        file.setId(idPrefix + "File");
        file.textProperty().bind(Bindings.createStringBinding(() -> vm.fileProperty().get() == null ? "no file chosen"
                : vm.fileProperty().get().toString(), vm.fileProperty()));
        Button choose = new Button("Choose file…");
        choose.setId(idPrefix + "Choose");
        choose.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle(title + ": TXT or JSONL, optionally .gz");
            File f = chooser.showOpenDialog(getScene().getWindow());
            if (f != null) {
                vm.fileProperty().set(f.toPath());
            }
        });
        Button clear = new Button("Clear");
        clear.setId(idPrefix + "Clear");
        clear.disableProperty().bind(vm.fileProperty().isNull());
        clear.setOnAction(e -> vm.fileProperty().set(null));
        ChoiceBox<ImportFormat> format = new ChoiceBox<>();
        format.setId(idPrefix + "Format");
        format.getItems().setAll(vm.formats());
        format.valueProperty().bindBidirectional(vm.formatProperty());
        CheckBox skip = new CheckBox("Skip bad lines");
        skip.setId(idPrefix + "Skip");
        skip.selectedProperty().bindBidirectional(vm.skipBadProperty());
        Label counts = new Label();
        counts.setId(idPrefix + "Counts");
        counts.textProperty().bind(Bindings.createStringBinding(() -> vm.fileProperty().get() == null ? ""
                : NewProjectGuideViewModel.lines(vm.goodProperty().get(), "good") + ", "
                        + NewProjectGuideViewModel.lines(vm.badCountProperty().get(), "bad"),
                vm.fileProperty(), vm.goodProperty(), vm.badCountProperty()));
        ListView<String> preview = new ListView<>(vm.firstRecords());
        preview.setId(idPrefix + "Preview");
        preview.setPrefHeight(LIST_HEIGHT);
        preview.setPlaceholder(new Label("The first records show here"));
        ListView<String> bad = new ListView<>(vm.badLines());
        bad.setId(idPrefix + "BadLines");
        bad.setPrefHeight(LIST_HEIGHT);
        bad.visibleProperty().bind(vm.badCountProperty().greaterThan(0));
        bad.managedProperty().bind(bad.visibleProperty());
        VBox.setVgrow(preview, Priority.ALWAYS);
        getChildren().addAll(caption, new HBox(8, choose, clear, format, file), preview,
                new HBox(12, counts, skip), bad);
    }
}

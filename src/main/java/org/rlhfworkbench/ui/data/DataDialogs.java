package org.rlhfworkbench.ui.data;

import java.io.File;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.rlhfworkbench.formats.ExportFormat;
import org.rlhfworkbench.formats.ImportFormat;
import org.rlhfworkbench.ui.charts.Pulse;

/** The Import data and Export data windows over one {@link DataViewModel}. */
public final class DataDialogs {
    private DataDialogs() {
    }

    /** The import form: file, format, preview, good / bad counts with reasons, skip bad lines, progress. */
    public static VBox importPane(DataViewModel vm) {
        Label file = new Label();
        file.setId("importFile");
        file.textProperty().bind(Bindings.createStringBinding(() -> vm.fileProperty().get() == null ? "no file chosen"
                : vm.fileProperty().get().toString(), vm.fileProperty()));
        Button choose = new Button("Choose file…");
        choose.setId("chooseImportFile");
        choose.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle("Import: TXT or JSONL, optionally .gz");
            File f = chooser.showOpenDialog(choose.getScene().getWindow());
            if (f != null) {
                vm.fileProperty().set(f.toPath());
            }
        });
        ChoiceBox<ImportFormat> format = new ChoiceBox<>();
        format.setId("importFormat");
        format.getItems().setAll(vm.formats());
        format.valueProperty().bindBidirectional(vm.formatProperty());
        CheckBox skip = new CheckBox("Skip bad lines (import the good ones, report the rest)");
        skip.setId("skipBad");
        skip.selectedProperty().bindBidirectional(vm.skipBadProperty());
        Label counts = new Label();
        counts.setId("importCounts");
        counts.textProperty().bind(Bindings.createStringBinding(() -> vm.goodProperty().get() + " good lines, "
                + vm.badCountProperty().get() + " bad lines", vm.goodProperty(), vm.badCountProperty()));
        ListView<String> preview = new ListView<>(vm.firstRecords());
        preview.setId("importPreview");
        preview.setPrefHeight(130);
        preview.setPlaceholder(new Label("Choose a file to see its first records"));
        ListView<String> bad = new ListView<>(vm.badLines());
        bad.setId("importBadLines");
        bad.setPrefHeight(110);
        bad.setPlaceholder(new Label("No bad lines"));
        Button go = new Button("Import");
        go.setId("runImport");
        go.setDefaultButton(true);
        go.disableProperty().bind(vm.canImportProperty().not());
        go.setOnAction(e -> vm.importFile());
        GridPane form = new GridPane();
        form.setHgap(8);
        form.setVgap(6);
        form.addRow(0, new Label("File"), new HBox(8, choose, file));
        form.addRow(1, new Label("Format"), format);
        VBox box = new VBox(8, form, new Label("First records"), preview, counts, bad, skip,
                new HBox(8, go, progress(vm)), status(vm));
        VBox.setVgrow(preview, Priority.ALWAYS);
        box.setPadding(new Insets(12));
        Pulse.whileShown(box, vm::drain);
        return box;
    }

    /** The export form: format and target file (written under a temporary name and renamed when complete). */
    public static VBox exportPane(DataViewModel vm) {
        ChoiceBox<ExportFormat> format = new ChoiceBox<>();
        format.setId("exportFormat");
        format.getItems().setAll(vm.exportFormats());
        format.valueProperty().bindBidirectional(vm.exportFormatProperty());
        Button go = new Button("Export to file…");
        go.setId("runExport");
        go.disableProperty().bind(vm.busyProperty());
        go.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle("Export as JSONL (.gz compresses)");
            chooser.setInitialFileName(vm.exportFormatProperty().get().cliName() + ".jsonl");
            File f = chooser.showSaveDialog(go.getScene().getWindow());
            if (f != null) {
                vm.export(f.toPath());
            }
        });
        VBox box = new VBox(8, new HBox(8, new Label("Format"), format), go, status(vm));
        box.setPadding(new Insets(12));
        return box;
    }

    public static void showImport(Window owner, DataViewModel vm) {
        show(owner, "Import data", importPane(vm), 760, 560);
    }

    public static void showExport(Window owner, DataViewModel vm) {
        show(owner, "Export data", exportPane(vm), 520, 180);
    }

    private static void show(Window owner, String title, VBox content, double w, double h) {
        Stage stage = new Stage();
        stage.initOwner(owner);
        stage.initModality(Modality.WINDOW_MODAL);
        stage.setTitle(title);
        Scene scene = new Scene(content, w, h);
        if (owner != null && owner.getScene() != null) {
            scene.getStylesheets().setAll(owner.getScene().getStylesheets());
        }
        stage.setScene(scene);
        stage.show();
    }

    private static ProgressBar progress(DataViewModel vm) {
        ProgressBar bar = new ProgressBar();
        bar.setId("importProgress");
        bar.progressProperty().bind(vm.progressProperty());
        bar.visibleProperty().bind(vm.busyProperty());
        return bar;
    }

    private static Label status(DataViewModel vm) {
        Label status = new Label();
        status.setId("dataStatus");
        status.setWrapText(true);
        status.textProperty().bind(vm.statusLineProperty());
        vm.errorProperty().addListener((obs, old, err) -> status.setStyle(err ? "-fx-text-fill: #b00020;" : ""));
        return status;
    }
}

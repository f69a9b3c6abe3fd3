package org.rlhfworkbench.ui.models;

import java.io.File;
import java.util.function.Function;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.SimpleStringProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextInputDialog;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.DragEvent;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import org.rlhfworkbench.core.ModelKind;
import org.rlhfworkbench.ui.charts.Pulse;

/**
 * The Models tab: the project's models in a table; add a Hugging Face folder with a chooser or
 * by dropping it on the table (linked in place or copied, with a progress bar); rename, delete,
 * export the selected one.
 */
public final class ModelsView extends BorderPane {
    private final ModelsViewModel viewModel;
    private final TableView<ModelRowView> table = new TableView<>();

    public ModelsView(ModelsViewModel viewModel) {
        this.viewModel = viewModel;
        getStyleClass().add("models-view");
        setPadding(new Insets(10));
        table.setId("modelsTable");
        table.setItems(viewModel.rows());
        table.setPlaceholder(new Label("No models yet. Add a Hugging Face folder (config.json, model.safetensors,"
                + " tokenizer.json) with \"Add model folder…\" or drop it here."));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().add(column("#", r -> Long.toString(r.id()), 40));
        table.getColumns().add(column("Name", ModelRowView::name, 200));
        table.getColumns().add(column("Kind", ModelRowView::kind, 60));
        table.getColumns().add(column("Family", ModelRowView::family, 80));
        table.getColumns().add(column("Params", ModelRowView::parameters, 70));
        table.getColumns().add(column("Dtype", ModelRowView::dtype, 55));
        table.getColumns().add(column("Chat template", ModelRowView::chatTemplate, 110));
        table.getColumns().add(column("Parent", ModelRowView::parent, 120));
        table.getColumns().add(column("Run", ModelRowView::run, 100));
        table.getColumns().add(column("Held-out figures", ModelRowView::heldOut, 170));
        table.getColumns().add(column("Folder", ModelRowView::where, 200));
        table.setOnDragOver(this::dragOver);
        table.setOnDragDropped(this::dropped);
        setCenter(table);
        setTop(addBar());
        setBottom(actionsBar());
        Pulse.whileShown(this, viewModel::drain);
    }

    private VBox addBar() {
        Button add = new Button("Add model folder…");
        add.setId("addModel");
        add.setOnAction(e -> chooseFolder());
        ChoiceBox<ModelKind> kind = new ChoiceBox<>();
        kind.setId("addKind");
        kind.getItems().setAll(viewModel.kinds());
        kind.valueProperty().bindBidirectional(viewModel.addKindProperty());
        ToggleGroup mode = new ToggleGroup();
        RadioButton link = new RadioButton("Link in place (nothing copied)");
        link.setId("linkModel");
        link.setToggleGroup(mode);
        RadioButton copy = new RadioButton("Copy into the project");
        copy.setId("copyModel");
        copy.setToggleGroup(mode);
        link.setSelected(viewModel.linkProperty().get());
        copy.setSelected(!viewModel.linkProperty().get());
        link.selectedProperty().addListener((obs, old, on) -> viewModel.linkProperty().set(on));
        ProgressBar bar = new ProgressBar();
        bar.setId("modelProgress");
        bar.progressProperty().bind(viewModel.progressProperty());
        bar.visibleProperty().bind(viewModel.busyProperty());
        add.disableProperty().bind(viewModel.busyProperty());
        HBox row = new HBox(8, add, new Label("as"), kind, link, copy, bar);
        row.setAlignment(Pos.CENTER_LEFT);
        Label title = new Label("Models");
        title.getStyleClass().add("section-title");
        return new VBox(6, title, row);
    }

    private VBox actionsBar() {
        BooleanBinding none = table.getSelectionModel().selectedItemProperty().isNull().or(viewModel.busyProperty());
        Button rename = new Button("Rename…");
        rename.setId("renameModel");
        rename.disableProperty().bind(none);
        rename.setOnAction(e -> rename());
        Button delete = new Button("Delete…");
        delete.setId("deleteModel");
        delete.disableProperty().bind(none);
        delete.setOnAction(e -> delete());
        Button export = new Button("Export as Hugging Face folder…");
        export.setId("exportModel");
        export.disableProperty().bind(none);
        export.setOnAction(e -> export());
        Label status = new Label();
        status.setId("modelsStatus");
        status.setWrapText(true);
        status.setMinHeight(Region.USE_PREF_SIZE);
        status.textProperty().bind(viewModel.statusLineProperty());
        viewModel.errorProperty().addListener((obs, old, err) -> status.setStyle(err ? "-fx-text-fill: #b00020;" : ""));
        HBox buttons = new HBox(8, rename, delete, export);
        VBox box = new VBox(6, buttons, status);
        box.setPadding(new Insets(8, 0, 0, 0));
        HBox.setHgrow(status, Priority.ALWAYS);
        return box;
    }

    private void dragOver(DragEvent e) {
        if (e.getDragboard().hasFiles() && e.getDragboard().getFiles().size() == 1
                && e.getDragboard().getFiles().get(0).isDirectory()) {
            e.acceptTransferModes(TransferMode.COPY_OR_MOVE);
        }
        e.consume();
    }

    private void dropped(DragEvent e) {
        boolean ok = e.getDragboard().hasFiles() && !e.getDragboard().getFiles().isEmpty();
        if (ok) {
            viewModel.add(e.getDragboard().getFiles().get(0).toPath());
        }
        e.setDropCompleted(ok);
        e.consume();
    }

    private void chooseFolder() {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle("Add a Hugging Face model folder");
        File dir = chooser.showDialog(getScene().getWindow());
        if (dir != null) {
            viewModel.add(dir.toPath());
        }
    }

    private void rename() {
        ModelRowView row = table.getSelectionModel().getSelectedItem();
        TextInputDialog dialog = new TextInputDialog(row.name());
        dialog.setHeaderText("Rename model " + row.id());
        dialog.initOwner(getScene().getWindow());
        dialog.showAndWait().ifPresent(name -> viewModel.rename(row.id(), name));
    }

    private void delete() {
        ModelRowView row = table.getSelectionModel().getSelectedItem();
        Alert confirm = new Alert(Alert.AlertType.CONFIRMATION, "Delete model " + row.id() + " (" + row.name() + ")? "
                + (row.where().startsWith("linked") ? "Only the link goes; the original folder stays."
                : "Its folder in the project is deleted."), ButtonType.OK, ButtonType.CANCEL);
        confirm.setHeaderText(null);
        confirm.initOwner(getScene().getWindow());
        confirm.showAndWait().filter(b -> b == ButtonType.OK).ifPresent(b -> viewModel.delete(row.id()));
    }

    private void export() {
        ModelRowView row = table.getSelectionModel().getSelectedItem();
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle("Export model " + row.id() + ": choose the parent folder");
        File dir = chooser.showDialog(getScene().getWindow());
        if (dir != null) {
            viewModel.export(row.id(), dir.toPath().resolve(row.name().replaceAll("[^A-Za-z0-9._-]+", "-")));
        }
    }

    private static TableColumn<ModelRowView, String> column(String title, Function<ModelRowView, String> value,
                                                           double width) {
        TableColumn<ModelRowView, String> c = new TableColumn<>(title);
        c.setCellValueFactory(cell -> new SimpleStringProperty(value.apply(cell.getValue())));
        c.setPrefWidth(width);
        return c;
    }
}

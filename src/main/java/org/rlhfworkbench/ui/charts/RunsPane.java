package org.rlhfworkbench.ui.charts;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.rlhfworkbench.core.RunRecord;
import org.rlhfworkbench.core.RunStatus;

/**
 * The screen's recorded runs: reopen one's charts, overlay one on the shown run, or resume an
 * unfinished one from its checkpoint.
 */
public final class RunsPane extends VBox {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("MM-dd HH:mm")
            .withZone(ZoneId.systemDefault());
    private final TableView<RunRecord> table = new TableView<>();

    /** @param resume resumes the selected unfinished run with the screen's job */
    public RunsPane(TrainingRunner runner, Consumer<RunRecord> resume) {
        super(6);
        getStyleClass().add("runs-pane");
        table.setId("runsTable");
        table.setItems(runner.library().runs());
        table.setPlaceholder(new Label("No runs yet"));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().add(column("Run", r -> "run " + r.id()));
        table.getColumns().add(column("Status", r -> r.status().dbName()));
        table.getColumns().add(column("Started", r -> r.startedAt() == null ? "" : TIME.format(r.startedAt())));
        table.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(RunRecord run, boolean empty) {
                super.updateItem(run, empty);
                setTooltip(empty || run == null || run.error() == null ? null : new Tooltip(run.error()));
            }
        });
        VBox.setVgrow(table, Priority.ALWAYS);
        ReadOnlyObjectProperty<RunRecord> selected = table.getSelectionModel().selectedItemProperty();
        BooleanBinding none = selected.isNull();
        Button show = new Button("Show charts");
        show.setId("showRun");
        show.disableProperty().bind(none.or(runner.activeProperty()));
        show.setOnAction(e -> runner.library().show(selected.get()));
        Button overlay = new Button("Overlay");
        overlay.setId("overlayRun");
        overlay.disableProperty().bind(none);
        overlay.setOnAction(e -> runner.library().overlay(selected.get()));
        Button resumeRun = new Button("Resume run");
        resumeRun.setId("resumeSavedRun");
        resumeRun.disableProperty().bind(Bindings.createBooleanBinding(() -> selected.get() == null
                || selected.get().status() == RunStatus.DONE || selected.get().status() == RunStatus.QUEUED, selected)
                .or(runner.activeProperty()));
        resumeRun.setOnAction(e -> resume.accept(selected.get()));
        resumeRun.textProperty().bind(Bindings.createStringBinding(() -> selected.get() == null
                || selected.get().status() == RunStatus.DONE ? "Resume run" : runner.library().resumeLabel(selected.get()),
                selected, runner.library().runs()));
        Button unqueue = new Button("Unqueue");
        unqueue.setId("unqueueRun");
        unqueue.setTooltip(new Tooltip("Takes the selected queued run out of the queue before it starts"));
        unqueue.disableProperty().bind(Bindings.createBooleanBinding(() -> selected.get() == null
                || selected.get().status() != RunStatus.QUEUED, selected));
        unqueue.managedProperty().bind(unqueue.disableProperty().not());
        unqueue.visibleProperty().bind(unqueue.managedProperty());
        unqueue.setOnAction(e -> runner.cancelQueued(selected.get().id()));
        Label title = new Label("Runs");
        title.getStyleClass().add("section-title");
        getChildren().addAll(title, table, new HBox(6, show, overlay, resumeRun, unqueue));
    }

    private static TableColumn<RunRecord, String> column(String title, Function<RunRecord, String> value) {
        TableColumn<RunRecord, String> c = new TableColumn<>(title);
        c.setCellValueFactory(cell -> new SimpleStringProperty(value.apply(cell.getValue())));
        c.setSortable(false);
        return c;
    }
}

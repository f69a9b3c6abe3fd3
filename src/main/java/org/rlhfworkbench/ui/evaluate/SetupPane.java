package org.rlhfworkbench.ui.evaluate;

import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.control.cell.CheckBoxListCell;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.rlhfworkbench.jobs.eval.PromptSet;

/** The arena's setup form: models to compare, prompt set, how many pairs, sampling; Start. */
final class SetupPane extends VBox {

    SetupPane(ArenaViewModel vm) {
        ArenaSetupModel s = vm.setup();
        setId("arenaSetup");
        setSpacing(12);
        setPadding(new Insets(16));
        Label title = new Label("Blind arena: two answers side by side, model names hidden until the results");
        title.getStyleClass().add("arena-title");

        ListView<ModelOption> models = new ListView<>(s.models());
        models.setId("arenaModels");
        models.setCellFactory(CheckBoxListCell.forListView(ModelOption::selectedProperty));
        models.setPrefHeight(150);
        models.setPrefWidth(460);

        ChoiceBox<PromptSet> set = new ChoiceBox<>(javafx.collections.FXCollections.observableArrayList(PromptSet.values()));
        set.setId("arenaPromptSet");
        set.valueProperty().bindBidirectional(s.promptSetProperty());
        TextField file = new TextField();
        file.setId("arenaFile");
        file.setPromptText("prompts file (TXT or JSONL)");
        file.textProperty().bindBidirectional(s.fileProperty());
        Button browse = new Button("Browse…");
        browse.setOnAction(e -> {
            FileChooser fc = new FileChooser();
            fc.setTitle("Prompts for the arena");
            var f = fc.showOpenDialog(getScene().getWindow());
            if (f != null) {
                s.fileProperty().set(f.getAbsolutePath());
            }
        });
        HBox fileRow = new HBox(6, file, browse);
        fileRow.visibleProperty().bind(s.promptSetProperty().isEqualTo(PromptSet.FILE));
        fileRow.managedProperty().bind(fileRow.visibleProperty());

        Spinner<Integer> prompts = intSpinner(s.promptsProperty(), 1, 10_000, "arenaPrompts");
        Spinner<Double> temperature = new Spinner<>(0.0, 2.0, s.temperatureProperty().get(), 0.1);
        temperature.getValueFactory().valueProperty().bindBidirectional(s.temperatureProperty());
        Spinner<Double> topP = new Spinner<>(0.05, 1.0, s.topPProperty().get(), 0.05);
        topP.getValueFactory().valueProperty().bindBidirectional(s.topPProperty());
        Spinner<Integer> maxNew = intSpinner(s.maxNewTokensProperty(), 1, 4096, "arenaMaxNew");
        Spinner<Integer> seed = intSpinner(s.seedProperty(), 0, Integer.MAX_VALUE, "arenaSeed");
        for (Spinner<?> sp : new Spinner<?>[] {prompts, temperature, topP, maxNew, seed}) {
            sp.setEditable(true);
            sp.setPrefWidth(110);
        }

        GridPane form = new GridPane();
        form.setHgap(10);
        form.setVgap(8);
        int row = 0;
        form.addRow(row++, new Label("Models"), models);
        form.addRow(row++, new Label("Prompts"), new VBox(6, set, fileRow));
        form.addRow(row++, new Label("Pairs to judge"), prompts);
        form.addRow(row++, new Label("Temperature"), temperature);
        form.addRow(row++, new Label("Top-p"), topP);
        form.addRow(row++, new Label("Max new tokens"), maxNew);
        form.addRow(row, new Label("Seed (order, sides)"), seed);

        Button start = new Button("Start judging");
        start.setId("arenaStart");
        start.setDefaultButton(true);
        start.setOnAction(e -> vm.start());
        Label status = new Label();
        status.setId("arenaSetupStatus");
        status.setWrapText(true);
        status.textProperty().bind(vm.statusProperty());
        getChildren().addAll(title, form, new HBox(12, start, status));
    }

    private static Spinner<Integer> intSpinner(javafx.beans.property.ObjectProperty<Integer> p, int min, int max, String id) {
        Spinner<Integer> sp = new Spinner<>(min, max, p.get());
        sp.getValueFactory().valueProperty().bindBidirectional(p);
        sp.setId(id);
        return sp;
    }
}

package org.rlhfworkbench.ui.evaluate;

import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.rlhfworkbench.jobs.eval.Side;

/** One prompt on top, the two hidden-name answers side by side, the vote bar below. */
final class JudgePane extends BorderPane {
    private final ArenaViewModel vm;
    private final HBox criteriaRow = new HBox(14);
    final TextField reason = new TextField();

    JudgePane(ArenaViewModel vm) {
        this.vm = vm;
        setId("arenaJudge");
        setPadding(new Insets(12));
        Label prompt = new Label();
        prompt.setId("arenaPrompt");
        prompt.getStyleClass().add("arena-prompt");
        prompt.setWrapText(true);
        prompt.setMaxWidth(Double.MAX_VALUE);
        prompt.textProperty().bind(vm.promptProperty());
        setTop(prompt);
        BorderPane.setMargin(prompt, new Insets(0, 0, 10, 0));

        HBox answers = new HBox(12, answer("Left  ·  1 / ←", "arenaLeft", vm.leftProperty()),
                answer("Right  ·  2 / →", "arenaRight", vm.rightProperty()));
        answers.getChildren().forEach(n -> HBox.setHgrow(n, Priority.ALWAYS));
        setCenter(answers);

        HBox buttons = new HBox(8, button("← Left better", "voteLeft", () -> vm.vote(Side.LEFT)),
                button("Tie", "voteTie", () -> vm.vote(Side.TIE)),
                button("Both bad", "voteBothBad", () -> vm.vote(Side.BOTH_BAD)),
                button("Right better →", "voteRight", () -> vm.vote(Side.RIGHT)),
                button("Skip", "arenaSkip", vm::skip), button("Undo", "arenaUndo", vm::undo),
                button("End session", "arenaStop", vm::stop));
        buttons.setAlignment(Pos.CENTER_LEFT);
        reason.setId("arenaReason");
        reason.setPromptText("Reason (optional): R to type, Enter to go back to the keys");
        reason.textProperty().bindBidirectional(vm.reasonProperty());
        reason.setOnAction(e -> requestFocusOnParent());
        HBox.setHgrow(reason, Priority.ALWAYS);
        criteriaRow.setAlignment(Pos.CENTER_LEFT);
        vm.criteria().addListener((ListChangeListener<CriterionVote>) c -> rebuildCriteria());
        rebuildCriteria();
        Label status = new Label();
        status.setId("arenaStatus");
        status.textProperty().bind(Bindings.concat(vm.progressProperty(), "   ", vm.statusProperty()));
        Label help = new Label(ArenaKeys.HELP);
        help.getStyleClass().add("arena-help");
        VBox bottom = new VBox(8, buttons, new HBox(10, criteriaRow, reason), status, help);
        bottom.setPadding(new Insets(10, 0, 0, 0));
        setBottom(bottom);
    }

    private void requestFocusOnParent() {
        if (getParent() != null) {
            getParent().requestFocus();
        }
    }

    private static VBox answer(String title, String id, javafx.beans.property.StringProperty text) {
        Label head = new Label(title);
        head.getStyleClass().add("arena-side");
        TextArea area = new TextArea();
        area.setId(id);
        area.setEditable(false);
        area.setWrapText(true);
        area.setFocusTraversable(false);
        area.textProperty().bind(text);
        VBox box = new VBox(4, head, area);
        VBox.setVgrow(area, Priority.ALWAYS);
        box.setMaxWidth(Double.MAX_VALUE);
        return box;
    }

    private static Button button(String text, String id, Runnable action) {
        Button b = new Button(text);
        b.setId(id);
        b.setFocusTraversable(false);
        b.setOnAction(e -> action.run());
        return b;
    }

    /** Per criterion: its name and left / tie / right toggles, bound both ways to the vote. */
    private void rebuildCriteria() {
        criteriaRow.getChildren().clear();
        int n = 1;
        for (CriterionVote c : vm.criteria()) {
            ToggleGroup group = new ToggleGroup();
            HBox box = new HBox(2, new Label(c.name() + " (⇧" + n++ + ")"));
            box.setAlignment(Pos.CENTER_LEFT);
            for (Side s : new Side[] {Side.LEFT, Side.TIE, Side.RIGHT}) {
                ToggleButton t = new ToggleButton(s == Side.LEFT ? "L" : s == Side.RIGHT ? "R" : "=");
                t.setId("criterion-" + c.name() + "-" + s.name().toLowerCase(java.util.Locale.ROOT));
                t.setUserData(s);
                t.setToggleGroup(group);
                t.setFocusTraversable(false);
                box.getChildren().add(t);
            }
            group.selectedToggleProperty().addListener((obs, old, now) -> c.sideProperty().set(now == null ? null
                    : (Side) now.getUserData()));
            c.sideProperty().addListener((obs, old, now) -> group.getToggles().forEach(t ->
                    t.setSelected(now != null && now == t.getUserData())));
            criteriaRow.getChildren().add(box);
        }
    }
}

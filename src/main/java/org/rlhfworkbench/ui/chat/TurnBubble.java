package org.rlhfworkbench.ui.chat;

import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** One message of the shown path; an assistant turn carries its branch switch and feedback buttons. */
final class TurnBubble extends VBox {

    TurnBubble(ChatViewModel vm, TurnItem item, int index, boolean selected) {
        setSpacing(4);
        getStyleClass().add(item.isAssistant() ? "chat-assistant" : "chat-user");
        if (selected) {
            getStyleClass().add("chat-assistant-selected");
        }
        setId("turn-" + index);
        Label who = new Label(item.isAssistant() ? "Assistant" : "You");
        who.setStyle("-fx-font-weight: bold;");
        HBox head = new HBox(8, who);
        head.setAlignment(Pos.CENTER_LEFT);
        if (item.branches() > 1) {
            Button prev = small("‹", () -> vm.switchBranch(index, -1));
            Button next = small("›", () -> vm.switchBranch(index, +1));
            Label pos = new Label(item.branch() + " / " + item.branches());
            pos.setId("branch-" + index);
            head.getChildren().addAll(prev, pos, next);
        }
        if (item.flagged()) {
            Label flag = new Label("⚑ flagged" + (item.turn().flagNote() == null ? "" : ": " + item.turn().flagNote()));
            flag.getStyleClass().add("chat-flagged");
            head.getChildren().add(flag);
        }
        Label text = new Label();
        text.setId("turnText-" + index);
        text.setWrapText(true);
        text.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> item.textProperty().get().isEmpty()
                && item.turn() != null ? "(empty answer)" : item.textProperty().get(), item.textProperty()));
        getChildren().addAll(head, text);
        if (item.isAssistant() && item.turn() != null) {
            MenuButton rate = new MenuButton("Rate");
            for (String criterion : new String[] {"helpfulness", "harmlessness", "honesty"}) {
                for (int v = 1; v <= 5; v++) {
                    int value = v;
                    MenuItem mi = new MenuItem(criterion + " " + v);
                    mi.setOnAction(e -> {
                        vm.selectedProperty().set(index);
                        vm.feedback().rate(criterion, value);
                    });
                    rate.getItems().add(mi);
                }
            }
            rate.setFocusTraversable(false);
            rate.setMinWidth(Region.USE_PREF_SIZE);
            FlowPane actions = new FlowPane(6, 4, small("Regenerate (G)", () -> select(vm, index, vm::regenerate)),
                    small("Edit (E)", () -> select(vm, index, vm::edit)),
                    small("Good (+)", () -> select(vm, index, () -> vm.feedback().thumbs(true))),
                    small("Bad (-)", () -> select(vm, index, () -> vm.feedback().thumbs(false))), rate,
                    small("Flag (F)", () -> select(vm, index, () -> vm.feedback().flag(null))),
                    small("Save as demonstration (D)", () -> select(vm, index, vm.feedback()::saveDemonstration)));
            getChildren().add(actions);
        }
        setOnMouseClicked(e -> {
            if (item.isAssistant()) {
                vm.selectedProperty().set(index);
            }
        });
    }

    private static void select(ChatViewModel vm, int index, Runnable action) {
        vm.selectedProperty().set(index);
        action.run();
    }

    private static Button small(String text, Runnable action) {
        Button b = new Button(text);
        b.setFocusTraversable(false);
        b.setMinWidth(Region.USE_PREF_SIZE);
        b.setOnAction(e -> action.run());
        return b;
    }
}

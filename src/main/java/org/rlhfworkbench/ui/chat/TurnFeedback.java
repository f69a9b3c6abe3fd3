package org.rlhfworkbench.ui.chat;

import org.rlhfworkbench.jobs.chat.ChatService;

/** Feedback on the selected assistant turn: thumbs, Likert ratings, flag, save as demonstration. No nodes. */
public final class TurnFeedback {
    private final ChatViewModel vm;

    TurnFeedback(ChatViewModel vm) {
        this.vm = vm;
    }

    public void thumbs(boolean up) {
        rate(ChatService.THUMBS, up ? 5 : 1);
    }

    /** A 1-5 rating on {@code criterion}. */
    public void rate(String criterion, int value) {
        TurnItem t = vm.selectedTurn();
        if (t != null) {
            vm.call("rate chat turn", s -> {
                s.rate(t.turn().id(), criterion, value);
                return null;
            }, x -> vm.statusProperty().set("Rated " + criterion + " " + value + "."));
        }
    }

    /** Flags the selected turn, or removes its flag. */
    public void flag(String note) {
        TurnItem t = vm.selectedTurn();
        if (t != null) {
            boolean on = !t.flagged();
            vm.call("flag chat turn", s -> {
                s.flag(t.turn().id(), on, note);
                return null;
            }, x -> {
                vm.statusProperty().set(on ? "Flagged." : "Flag removed.");
                vm.refresh();
            });
        }
    }

    /** The conversation down to the selected assistant turn as a multi-turn demonstration. */
    public void saveDemonstration() {
        TurnItem t = vm.selectedTurn();
        if (t != null) {
            vm.call("chat demonstration", s -> s.saveDemonstration(t.turn().id()),
                    id -> vm.statusProperty().set("Saved the conversation so far as a demonstration."));
        }
    }
}

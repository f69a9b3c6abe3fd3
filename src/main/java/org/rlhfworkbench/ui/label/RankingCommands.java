package org.rlhfworkbench.ui.label;

import java.util.function.Supplier;

/**
 * The ranking keys and drag and drop, applied to the draft on screen (none: nothing happens):
 * rank next, tie, undo the last key, clear, drop above or onto a card. Each change refreshes
 * the cards' rank badges and the ranking summary line.
 */
final class RankingCommands {
    private final Supplier<Draft> draft;
    private final LabelScreen screen;

    RankingCommands(Supplier<Draft> draft, LabelScreen screen) {
        this.draft = draft;
        this.screen = screen;
    }

    /** A card's number key: ranks it next, or ties it after the tie key. */
    void pressCard(int slot) {
        Draft d = draft.get();
        if (d != null && slot >= d.cards().size()) {
            screen.setMessage("There are only " + d.cards().size() + " responses.");
        } else if (d != null && d.ranking().press(slot)) {
            changed();
        }
    }

    void tie() {
        Draft d = draft.get();
        if (d != null && !d.ranking().tie()) {
            screen.setMessage("Rank a response first; the tie key joins the next one to its rank.");
        }
        changed();
    }

    void undoKey() {
        Draft d = draft.get();
        if (d != null && d.ranking().undo()) {
            changed();
        }
    }

    void clear() {
        Draft d = draft.get();
        if (d != null) {
            d.ranking().clear();
            changed();
        }
    }

    /** Card {@code slot} dropped above {@code target}, or onto it (a tie). */
    void drop(int slot, int target, boolean tie) {
        Draft d = draft.get();
        if (d != null && (tie ? d.ranking().tieWith(slot, target) : d.ranking().placeAbove(slot, target))) {
            changed();
        }
    }

    /** Rank badges and the summary line follow the ranking. */
    void changed() {
        Draft d = draft.get();
        if (d != null) {
            d.refreshBadges();
            screen.setRankingSummary(d.ranking().summary());
        }
    }
}

package org.rlhfworkbench.ui.label;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;

/**
 * The diff toggle: which two of the shown cards are compared, and their highlighted segments.
 * While text still streams the diff is recomputed at most every {@value #REFRESH_NANOS} ns, so
 * long responses cannot stall the pulses.
 */
public final class DiffState {
    static final long REFRESH_NANOS = 300_000_000L;

    private final List<CardModel> cards;
    private final LabelScreen screen;
    private final BooleanProperty on = new SimpleBooleanProperty(this, "on");
    private final List<Integer> selected = new ArrayList<>();
    private long lastRun;

    DiffState(List<CardModel> cards, LabelScreen screen) {
        this.cards = cards;
        this.screen = screen;
    }

    /** Highlights where the responses in {@code first} and {@code second} differ. */
    public void compare(int first, int second) {
        if (first == second || first < 0 || second < 0 || first >= cards.size() || second >= cards.size()) {
            screen.setMessage("Pick two different responses to compare.");
            return;
        }
        off();
        selected.add(first);
        selected.add(second);
        cards.get(first).setDiffSelected(true);
        cards.get(second).setDiffSelected(true);
        on.set(true);
        compute();
        screen.setMessage("Differences between " + (first + 1) + " and " + (second + 1)
                + " are highlighted; D turns it off.");
    }

    /** A card's own Diff toggle: selects or unselects it; selecting a second card turns the diff on. */
    public void toggle(int slot) {
        if (slot < 0 || slot >= cards.size()) {
            return;
        }
        if (selected.contains(slot)) {
            off();
        } else if (selected.size() == 1) {
            compare(selected.get(0), slot);
        } else {
            off();
            selected.add(slot);
            cards.get(slot).setDiffSelected(true);
        }
    }

    public void off() {
        selected.clear();
        on.set(false);
        cards.forEach(card -> {
            card.setDiffSelected(false);
            card.diffProperty().set(null);
        });
    }

    /** After new text or a correction: recomputes when due (at once when {@code force}). */
    void refresh(boolean force) {
        if (on.get() && (force || System.nanoTime() - lastRun > REFRESH_NANOS)) {
            compute();
        }
    }

    private void compute() {
        lastRun = System.nanoTime();
        CardModel left = cards.get(selected.get(0));
        CardModel right = cards.get(selected.get(1));
        WordDiff.Result result = WordDiff.diff(left.displayTextBinding().get(), right.displayTextBinding().get());
        left.diffProperty().set(result.left());
        right.diffProperty().set(result.right());
    }

    public ReadOnlyBooleanProperty onProperty() {
        return on;
    }
}

package org.rlhfworkbench.ui.label;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The ranking a labeler builds for one prompt, as ordered groups of slots (0-based; card number =
 * slot + 1): the first group is best, slots in one group are tied. Pure logic, no JavaFX.
 *
 * <p>Pressing a card appends it as the next rank; after {@link #tie()} the next pressed card joins
 * the current (last) rank instead. Pressing a card that is already ranked moves it. Cards never
 * pressed stay unranked (partial ranking). Every change can be undone, one step at a time.
 */
public final class RankingState {
    private final int k;
    private List<List<Integer>> groups = new ArrayList<>();
    private boolean tiePending;
    private final Deque<Snapshot> undo = new ArrayDeque<>();

    private record Snapshot(List<List<Integer>> groups, boolean tiePending) {
    }

    public RankingState(int k) {
        if (k < 1) {
            throw new IllegalArgumentException("k must be positive, was " + k);
        }
        this.k = k;
    }

    /** Rebuilds the state of stored per-slot ranks (1 = best, equal = tie, null = unranked). */
    public static RankingState ofRanks(List<Integer> ranks) {
        RankingState state = new RankingState(ranks.size());
        ranks.stream().filter(r -> r != null).distinct().sorted().forEach(rank -> {
            List<Integer> group = new ArrayList<>();
            for (int slot = 0; slot < ranks.size(); slot++) {
                if (rank.equals(ranks.get(slot))) {
                    group.add(slot);
                }
            }
            state.groups.add(group);
        });
        return state;
    }

    public int k() {
        return k;
    }

    /** Ranks {@code slot} next (or ties it with the current rank after {@link #tie()}); false if out of range. */
    public boolean press(int slot) {
        if (slot < 0 || slot >= k) {
            return false;
        }
        save();
        boolean joinLast = tiePending;
        tiePending = false;
        remove(slot);
        if (joinLast && !groups.isEmpty()) {
            groups.get(groups.size() - 1).add(slot);
        } else {
            groups.add(new ArrayList<>(List.of(slot)));
        }
        return true;
    }

    /** The next pressed card joins the current rank; false (nothing to join) while nothing is ranked. */
    public boolean tie() {
        if (groups.isEmpty() || tiePending) {
            return !groups.isEmpty();
        }
        save();
        tiePending = true;
        return true;
    }

    /** Drag and drop: {@code slot} becomes better than {@code target} (directly above its rank). */
    public boolean placeAbove(int slot, int target) {
        if (!valid(slot) || !valid(target) || slot == target) {
            return false;
        }
        save();
        tiePending = false;
        remove(slot);
        int index = groupOf(target);
        if (index < 0) {
            groups.add(new ArrayList<>(List.of(slot)));
            groups.add(new ArrayList<>(List.of(target)));
        } else {
            groups.add(index, new ArrayList<>(List.of(slot)));
        }
        return true;
    }

    /** Drag and drop onto a card's tie zone: {@code slot} shares {@code target}'s rank. */
    public boolean tieWith(int slot, int target) {
        if (!valid(slot) || !valid(target) || slot == target) {
            return false;
        }
        save();
        tiePending = false;
        remove(slot);
        int index = groupOf(target);
        if (index < 0) {
            groups.add(new ArrayList<>(List.of(target, slot)));
        } else {
            groups.get(index).add(slot);
        }
        return true;
    }

    /** Takes back the last change (key press or drop); false when there is none. */
    public boolean undo() {
        Snapshot last = undo.poll();
        if (last == null) {
            return false;
        }
        groups = last.groups();
        tiePending = last.tiePending();
        return true;
    }

    public void clear() {
        if (!groups.isEmpty() || tiePending) {
            save();
            groups.clear();
            tiePending = false;
        }
    }

    public boolean tiePending() {
        return tiePending;
    }

    public int rankedCount() {
        return groups.stream().mapToInt(List::size).sum();
    }

    /** Per slot: 1 = best, tied slots share a rank, dense (1, 2, 2, 3), null = unranked. */
    public List<Integer> ranks() {
        Integer[] ranks = new Integer[k];
        for (int g = 0; g < groups.size(); g++) {
            for (int slot : groups.get(g)) {
                ranks[slot] = g + 1;
            }
        }
        return Arrays.asList(ranks);
    }

    /** The card's rank as shown on it: "1", "2=" when tied, "" when unranked. */
    public String badge(int slot) {
        int index = groupOf(slot);
        if (index < 0) {
            return "";
        }
        return (index + 1) + (groups.get(index).size() > 1 ? "=" : "");
    }

    /** Card numbers best first, e.g. "3 > 1 = 2", with a trailing "=" while a tie waits for its card. */
    public String summary() {
        String text = groups.stream()
                .map(group -> group.stream().map(slot -> String.valueOf(slot + 1)).collect(Collectors.joining(" = ")))
                .collect(Collectors.joining(" > "));
        return tiePending ? text + " =" : text;
    }

    private boolean valid(int slot) {
        return slot >= 0 && slot < k;
    }

    private int groupOf(int slot) {
        for (int g = 0; g < groups.size(); g++) {
            if (groups.get(g).contains(slot)) {
                return g;
            }
        }
        return -1;
    }

    private void remove(int slot) {
        groups.forEach(group -> group.remove(Integer.valueOf(slot)));
        groups.removeIf(List::isEmpty);
    }

    private void save() {
        List<List<Integer>> copy = new ArrayList<>();
        groups.forEach(group -> copy.add(new ArrayList<>(group)));
        undo.push(new Snapshot(copy, tiePending));
    }
}

package org.rlhfworkbench.ui.chat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.rlhfworkbench.core.ChatTurn;
import org.rlhfworkbench.jobs.chat.ChatTree;

/**
 * The ranking panel: the regenerated turn (number 1) and its K new alternatives (2..K+1), ranked
 * best first by their number keys. The new turns are found in the stored tree once complete: the
 * branches at that place that were not there before. No nodes.
 */
public final class Alternatives {
    private final ObservableList<AltItem> items = FXCollections.observableArrayList();
    private final BooleanProperty open = new SimpleBooleanProperty(this, "open");
    private Set<Long> before = Set.of();
    private int nextRank = 1;

    void open(TurnItem original, Set<Long> branchesBefore, int k) {
        before = branchesBefore;
        items.setAll(new AltItem(1, original.turn().id(), original.textProperty().get()));
        for (int i = 0; i < k; i++) {
            items.add(new AltItem(i + 2, null, ""));
        }
        nextRank = 1;
        open.set(true);
    }

    List<AltItem> added() {
        return items.subList(1, items.size());
    }

    /** Gives alternative {@code number} the next rank (1 best); a ranked one is left alone. */
    public void rankNext(int number) {
        if (open.get() && number >= 1 && number <= items.size() && items.get(number - 1).rankProperty().get() == null) {
            items.get(number - 1).rankProperty().set(nextRank++);
        }
    }

    boolean anyRanked() {
        return items.stream().anyMatch(a -> a.rankProperty().get() != null);
    }

    /** Turn id -> rank (null: unranked). */
    Map<Long, Integer> ranks() {
        Map<Long, Integer> out = new LinkedHashMap<>();
        items.forEach(a -> out.put(a.turnId(), a.rankProperty().get()));
        return out;
    }

    /** Names each new alternative's stored turn, in the order they were stored. */
    void attach(ChatTree tree) {
        if (!open.get() || items.isEmpty()) {
            return;
        }
        List<ChatTurn> added = tree.siblings(items.get(0).turnId()).stream().filter(x -> !before.contains(x.id())).toList();
        for (int i = 0; i < added.size() && i + 1 < items.size(); i++) {
            items.get(i + 1).turnId(added.get(i).id());
        }
    }

    public ObservableList<AltItem> items() {
        return items;
    }

    public BooleanProperty openProperty() {
        return open;
    }
}

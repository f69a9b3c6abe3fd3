package org.rlhfworkbench.jobs.label;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.rlhfworkbench.core.DemonstrationSource;
import org.rlhfworkbench.core.Generation;
import org.rlhfworkbench.core.Ranking;
import org.rlhfworkbench.core.RankingEntry;
import org.rlhfworkbench.store.DiskFullException;
import org.rlhfworkbench.store.Project;

/**
 * Stores one labeling decision in one transaction: the ranking and its entries (display order =
 * the shown generation ids), the ratings, each correction (a generation with source
 * "correction", ranked just above its original, plus a demonstration with source CORRECTION
 * that points at the original) and the written answer (a demonstration with source WRITTEN).
 * Ratings and demonstrations carry the ranking id, so undo removes exactly what was written.
 */
final class DecisionWriter {
    static final String HUMAN = "human";
    static final String CORRECTION_SOURCE = "correction";

    private final Project project;

    DecisionWriter(Project project) {
        this.project = project;
    }

    /**
     * Writes {@code d} as a new ranking, or over ranking {@code replaceId}; returns the ranking id.
     * On a full disk nothing of the decision is stored and the message says so.
     */
    long write(Long replaceId, LabelDecision d, List<Long> shownIds) {
        checkShape(d, shownIds);
        try {
            return writeInTransaction(replaceId, d, shownIds);
        } catch (DiskFullException e) {
            throw new DiskFullException("disk full: the label was not saved; free some space and submit it again ("
                    + e.getMessage() + ")", e);
        }
    }

    private long writeInTransaction(Long replaceId, LabelDecision d, List<Long> shownIds) {
        return project.db().inTransaction(() -> {
            List<Generation> shown = shownGenerations(d.promptId(), shownIds);
            if (replaceId != null) {
                project.rankings().clearDecision(replaceId);
            }
            Map<Integer, String> corrected = corrections(d, shown);
            Map<Integer, Long> correctionIds = new TreeMap<>();
            corrected.forEach((slot, text) -> correctionIds.put(slot, project.generations().add(
                    new Generation(0, d.promptId(), text, null, null, CORRECTION_SOURCE, null, null))));
            CorrectionRanks ranks = CorrectionRanks.of(d.ranks(), corrected.keySet());
            List<RankingEntry> entries = new ArrayList<>();
            for (int s = 0; s < shownIds.size(); s++) {
                entries.add(new RankingEntry(shownIds.get(s), ranks.originals().get(s)));
            }
            correctionIds.forEach((slot, id) -> entries.add(new RankingEntry(id, ranks.corrections().get(slot))));
            Ranking ranking = new Ranking(0, d.promptId(), d.status(), note(d.note()), HUMAN, entries, shownIds);
            long id = replaceId == null ? project.rankings().add(ranking) : replaceId;
            if (replaceId != null) {
                project.rankings().rewrite(replaceId, ranking);
            }
            corrected.forEach((slot, text) -> project.demonstrations().add(d.promptId(), text,
                    DemonstrationSource.CORRECTION, shownIds.get(slot), id));
            if (d.writtenAnswer() != null && !d.writtenAnswer().isBlank()) {
                project.demonstrations().add(d.promptId(), d.writtenAnswer().strip(), DemonstrationSource.WRITTEN,
                        null, id);
            }
            for (int s = 0; s < d.ratings().size(); s++) {
                for (Map.Entry<String, Integer> r : new TreeMap<>(d.ratings().get(s)).entrySet()) {
                    if (r.getValue() != null) {
                        project.ratings().add(shownIds.get(s), r.getKey(), r.getValue(), HUMAN, id);
                    }
                }
            }
            return id;
        });
    }

    private static void checkShape(LabelDecision d, List<Long> shownIds) {
        int k = shownIds.size();
        if (d.status() == null) {
            throw new IllegalArgumentException("a decision needs a status");
        }
        if (d.ranks().size() != k) {
            throw new IllegalArgumentException("ranks has " + d.ranks().size() + " entries for " + k + " responses");
        }
        if (!d.ratings().isEmpty() && d.ratings().size() != k) {
            throw new IllegalArgumentException("ratings has " + d.ratings().size() + " entries for " + k + " responses");
        }
        if (!d.corrections().isEmpty() && d.corrections().size() != k) {
            throw new IllegalArgumentException("corrections has " + d.corrections().size() + " entries for " + k
                    + " responses");
        }
        if (new HashSet<>(shownIds).size() != k) {
            throw new IllegalArgumentException("the shown responses repeat a generation: " + shownIds);
        }
    }

    private List<Generation> shownGenerations(long promptId, List<Long> ids) {
        List<Generation> out = new ArrayList<>();
        for (long id : ids) {
            Generation g = project.generations().get(id);
            if (g == null || g.promptId() != promptId) {
                throw new IllegalArgumentException("generation " + id + " is not a response to prompt " + promptId);
            }
            out.add(g);
        }
        return out;
    }

    /** Slot -> corrected text, for corrections that are non-blank and differ from the original. */
    private static Map<Integer, String> corrections(LabelDecision d, List<Generation> shown) {
        Map<Integer, String> out = new TreeMap<>();
        for (int s = 0; s < d.corrections().size(); s++) {
            String c = d.corrections().get(s);
            if (c != null && !c.isBlank() && !c.strip().equals(shown.get(s).text().strip())) {
                out.put(s, c.strip());
            }
        }
        return out;
    }

    private static String note(String note) {
        return note == null || note.isBlank() ? null : note.strip();
    }
}

package org.rlhfworkbench.jobs.label;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.rlhfworkbench.core.Demonstration;
import org.rlhfworkbench.core.DemonstrationSource;
import org.rlhfworkbench.core.Generation;
import org.rlhfworkbench.core.Prompt;
import org.rlhfworkbench.core.Ranking;
import org.rlhfworkbench.core.RankingEntry;
import org.rlhfworkbench.store.Project;

/** Earlier decisions read back: history entries with a one-line summary, and reopened items. */
final class LabelHistory {
    private final Project project;

    LabelHistory(Project project) {
        this.project = project;
    }

    /** The newest {@code n} decisions (any annotator), newest first. */
    List<HistoryEntry> recent(int n) {
        List<HistoryEntry> out = new ArrayList<>();
        for (long id : project.rankings().recentIds(Math.max(0, n))) {
            Ranking r = project.rankings().get(id);
            Prompt p = project.prompts().get(r.promptId());
            out.add(new HistoryEntry(id, r.promptId(), p.text(), r.status(), summary(r),
                    r.annotator().startsWith(LabelConfig.SIMULATED_PREFIX), project.rankings().createdAt(id)));
        }
        return out;
    }

    /** The decision's prompt and its shown responses, complete, in the order they were shown. */
    LabelItem reopen(long rankingId) {
        Ranking r = ranking(rankingId);
        List<Long> ids = new ArrayList<>(r.displayOrder());
        if (ids.isEmpty()) {
            for (RankingEntry e : r.entries()) {
                if (!DecisionWriter.CORRECTION_SOURCE.equals(project.generations().get(e.generationId()).source())) {
                    ids.add(e.generationId());
                }
            }
        }
        List<ResponseStream> streams = new ArrayList<>();
        for (int slot = 0; slot < ids.size(); slot++) {
            Generation g = project.generations().get(ids.get(slot));
            streams.add(LiveResponse.completed(slot, g.text(), g.id(), g.tokenCount() == null ? 0 : g.tokenCount(),
                    ResponseGenerator.cutAt(g.samplingJson())));
        }
        Prompt p = project.prompts().get(r.promptId());
        return new LabelItem(p.id(), p.text(), streams, rankingId, PromptTurns.of(p));
    }

    Ranking ranking(long rankingId) {
        Ranking r = project.rankings().get(rankingId);
        if (r == null) {
            throw new IllegalArgumentException("there is no ranking " + rankingId);
        }
        return r;
    }

    /**
     * Card numbers best first, e.g. "2' > 2 = 3 > 1, 1 unranked" (2' is the corrected card 2), or
     * "skipped", "all bad", "flagged: note"; plus "own answer" when one was written.
     */
    String summary(Ranking r) {
        Map<Long, String> labels = cardLabels(r);
        StringBuilder sb = new StringBuilder();
        switch (r.status()) {
            case SKIPPED -> sb.append("skipped");
            case ALL_BAD -> sb.append("all bad");
            case FLAGGED -> sb.append(r.note() == null ? "flagged" : "flagged: " + r.note());
            case RANKED -> sb.append(rankText(r, labels));
        }
        if (project.demonstrations().forRanking(r.id()).stream().anyMatch(d -> d.source() == DemonstrationSource.WRITTEN)) {
            sb.append("; own answer");
        }
        return sb.toString();
    }

    private static String rankText(Ranking r, Map<Long, String> labels) {
        TreeMap<Integer, List<String>> groups = new TreeMap<>();
        int unranked = 0;
        for (RankingEntry e : r.entries()) {
            if (e.rank() == null) {
                unranked++;
            } else {
                groups.computeIfAbsent(e.rank(), x -> new ArrayList<>()).add(labels.getOrDefault(e.generationId(), "?"));
            }
        }
        List<String> parts = new ArrayList<>();
        groups.values().forEach(g -> parts.add(String.join(" = ", g.stream().sorted().toList())));
        String text = parts.isEmpty() ? "nothing ranked" : String.join(" > ", parts);
        return unranked == 0 ? text : text + ", " + unranked + " unranked";
    }

    /** Generation id -> "3" for the third card shown, "3'" for the correction of card 3. */
    private Map<Long, String> cardLabels(Ranking r) {
        List<Long> order = r.displayOrder().isEmpty()
                ? r.entries().stream().map(RankingEntry::generationId).toList() : r.displayOrder();
        Map<Long, String> labels = new HashMap<>();
        for (int i = 0; i < order.size(); i++) {
            labels.put(order.get(i), Integer.toString(i + 1));
        }
        Map<String, String> correctedCardByText = new HashMap<>();
        for (Demonstration d : project.demonstrations().forRanking(r.id())) {
            if (d.source() == DemonstrationSource.CORRECTION && labels.containsKey(d.generationId())) {
                correctedCardByText.put(d.text(), labels.get(d.generationId()) + "'");
            }
        }
        for (RankingEntry e : r.entries()) {
            if (!labels.containsKey(e.generationId())) {
                String text = project.generations().get(e.generationId()).text();
                labels.put(e.generationId(), correctedCardByText.getOrDefault(text, "+"));
            }
        }
        return labels;
    }
}

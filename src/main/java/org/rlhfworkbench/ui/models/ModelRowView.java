package org.rlhfworkbench.ui.models;

import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.rlhfworkbench.core.ModelEntry;
import org.rlhfworkbench.core.ModelFacts;
import org.rlhfworkbench.jobs.ModelService;

/** A row of the Models table as text: one field per column. */
public record ModelRowView(long id, String name, String kind, String family, String parameters, String dtype,
                           String chatTemplate, String parent, String run, String heldOut, String where) {

    static ModelRowView of(ModelService.ModelRow row) {
        ModelEntry m = row.model();
        ModelFacts f = m.facts();
        return new ModelRowView(m.id(), m.name(), m.kind().dbName(), f == null ? "unreadable" : f.family(),
                f == null ? "" : human(f.parameters()), f == null ? "" : f.dtype(),
                f == null ? "" : f.chatTemplate() ? "yes" : "no", row.parentName(), row.runLabel(),
                (m.warning() == null ? "" : "⚠ " + m.warning() + (row.heldOut().isEmpty() ? "" : " · "))
                        + heldOut(row.heldOut()), (row.linked() ? "linked: " : "") + m.path());
    }

    /** "loss 1.234 · accuracy 0.712" from eval/loss, eval/accuracy, ... */
    static String heldOut(Map<String, Double> figures) {
        return figures.entrySet().stream()
                .map(e -> e.getKey().substring("eval/".length()) + " " + String.format(Locale.ROOT, "%.3f", e.getValue()))
                .collect(Collectors.joining(" · "));
    }

    static String human(long n) {
        if (n >= 1_000_000_000L) {
            return String.format(Locale.ROOT, "%.1fB", n / 1e9);
        }
        if (n >= 1_000_000L) {
            return String.format(Locale.ROOT, "%.1fM", n / 1e6);
        }
        return String.format(Locale.ROOT, "%.1fK", n / 1e3);
    }
}

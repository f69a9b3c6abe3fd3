package org.rlhfworkbench.ui.charts;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;
import org.rlhfworkbench.core.ModelEntry;

/** An entry of a model picker: a project model, or (id null) "let the job pick the newest". */
public record ModelChoice(Long id, String label) {
    public static ModelChoice of(ModelEntry m) {
        String facts = m.facts() == null ? "" : "  " + m.facts().summary();
        String warning = m.warning() == null ? "" : "  ⚠ " + m.warning();
        return new ModelChoice(m.id(), "#" + m.id() + "  " + m.name() + "  (" + m.kind().dbName() + ")" + facts
                + warning);
    }

    /** The automatic choice first, then the models that pass {@code filter}, newest first. */
    public static List<ModelChoice> list(String automatic, List<ModelEntry> models, Predicate<ModelEntry> filter) {
        List<ModelChoice> out = new ArrayList<>();
        out.add(new ModelChoice(null, automatic));
        models.stream().filter(filter).sorted(Comparator.comparingLong(ModelEntry::id).reversed())
                .map(ModelChoice::of).forEach(out::add);
        return out;
    }

    /** The entry of {@code choices} with the same id as {@code old}, else the first. */
    public static ModelChoice keep(List<ModelChoice> choices, ModelChoice old) {
        return choices.stream().filter(c -> old != null && Objects.equals(c.id(), old.id())).findFirst()
                .orElse(choices.isEmpty() ? null : choices.get(0));
    }

    @Override
    public String toString() {
        return label;
    }
}

package org.rlhfworkbench.jobs.label;

import org.rlhfworkbench.core.ModelEntry;
import org.rlhfworkbench.core.ModelFacts;

/**
 * One of the project's models as the generator picker lists it, with the facts the Models tab
 * shows (family, parameters, chat template).
 *
 * @param family       config.json model_type, or "unreadable" when the folder cannot be read
 * @param parameters   "124M", or "" when unknown
 * @param chatTemplate whether its tokenizer has a chat template (only then is the chat format offered)
 */
public record GeneratorChoice(long id, String name, String kind, String family, String parameters,
                              boolean chatTemplate) {

    static GeneratorChoice of(ModelEntry m) {
        ModelFacts f = m.facts();
        return new GeneratorChoice(m.id(), m.name(), m.kind().dbName(), f == null ? "unreadable" : f.family(),
                f == null ? "" : ModelFacts.human(f.parameters()), f != null && f.chatTemplate());
    }

    /** "sft-3 (gpt2, 124M)" */
    public String label() {
        return name + " (" + family + (parameters.isEmpty() ? "" : ", " + parameters) + ")";
    }

    /** The picker's line: "#3 sft-3 · sft · gpt2 · 124M · chat template". */
    public String describe() {
        return "#" + id + " " + name + " · " + kind + " · " + family + (parameters.isEmpty() ? "" : " · " + parameters)
                + (chatTemplate ? " · chat template" : "");
    }
}

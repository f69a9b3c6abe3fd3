package org.rlhfworkbench.jobs.eval;

import org.rlhfworkbench.jobs.label.LabelConfig;
import org.rlhfworkbench.store.Project;

/**
 * The one place the arena and the chat take the project's prompt format: a prompt (plain, or a
 * conversation of {@link org.rlhfworkbench.core.Message}s) becomes tokens through the
 * {@link org.rlhfworkbench.jobs.label.PromptFormat}'s encoder for the model (its chat template in
 * `chat` format), as everywhere else.
 */
public final class ModelInput {
    private ModelInput() {
    }

    public static org.rlhfworkbench.jobs.label.PromptFormat format(Project project) {
        return LabelConfig.promptFormat(project);
    }

    /** The template name stored with each sampled answer (generation.sampling_json). */
    public static String template(Project project) {
        return LabelConfig.promptFormat(project).template();
    }
}

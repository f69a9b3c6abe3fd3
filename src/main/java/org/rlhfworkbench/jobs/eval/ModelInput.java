package org.rlhfworkbench.jobs.eval;

import org.rlhfworkbench.core.Prompt;
import org.rlhfworkbench.jobs.label.LabelConfig;
import org.rlhfworkbench.lm.LanguageModel;
import org.rlhfworkbench.store.Project;

/**
 * The one place the arena and the chat turn a prompt (plain, or a conversation of
 * {@link org.rlhfworkbench.core.Message}s) into what a model continues. Today that is the
 * project's {@link org.rlhfworkbench.jobs.label.PromptFormat}; when prompt formatting becomes the
 * model's chat template, repoint this method (the model is passed for that reason).
 */
public final class ModelInput {
    private ModelInput() {
    }

    public static String render(Project project, LanguageModel model, Prompt prompt) {
        return LabelConfig.promptFormat(project).render(prompt);
    }

    /** The template name stored with each sampled answer (generation.sampling_json). */
    public static String template(Project project) {
        return LabelConfig.promptFormat(project).template();
    }
}

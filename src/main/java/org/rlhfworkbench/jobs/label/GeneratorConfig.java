package org.rlhfworkbench.jobs.label;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.rlhfworkbench.core.ModelEntry;
import org.rlhfworkbench.jobs.ModelFactsService;
import org.rlhfworkbench.jobs.SampleProjects;
import org.rlhfworkbench.lm.sample.SamplingParams;
import org.rlhfworkbench.store.MetaRepository;
import org.rlhfworkbench.store.Project;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The labeling generator in project meta, the keys the CLI and {@link LabelConfig} already read:
 * {@value SampleProjects#META_POLICY_MODEL}, {@value LabelConfig#META_K}, {@value LabelConfig#META_TEMPERATURE},
 * {@value LabelConfig#META_TOP_P}, {@value LabelConfig#META_MAX_NEW_TOKENS} and {@value PromptFormat#META_FORMAT}.
 */
public final class GeneratorConfig {
    private static final Logger LOG = LoggerFactory.getLogger(GeneratorConfig.class);

    private GeneratorConfig() {
    }

    /** The settings in force (unset prompt format: chat when the model has a template) and every model of the project. */
    public static GeneratorOptions read(Project project) {
        List<ModelEntry> entries = ModelFactsService.describe(project);
        List<GeneratorChoice> models = entries.stream().map(GeneratorChoice::of).toList();
        Optional<PolicyModel> policy;
        try {
            policy = PolicyModel.find(project);
        } catch (IllegalStateException e) {
            LOG.warn("No generating model: {}", e.getMessage());
            policy = Optional.empty();
        }
        if (policy.isEmpty()) {
            return new GeneratorOptions(null, models);
        }
        long id = policy.get().id();
        boolean chat = models.stream().anyMatch(m -> m.id() == id && m.chatTemplate());
        String stored = project.meta().get(PromptFormat.META_FORMAT);
        String format = stored == null || stored.isBlank() ? (chat ? PromptFormat.CHAT : PromptFormat.PLAIN)
                : stored.strip();
        SamplingParams d = SamplingParams.defaults(Set.of());
        try {
            SamplingParams s = LabelConfig.sampling(project, Set.of());
            return new GeneratorOptions(new GeneratorSettings(id, LabelConfig.k(project), s.temperature(), s.topP(),
                    s.maxNewTokens(), format), models);
        } catch (IllegalArgumentException e) {
            LOG.warn("Labeling settings in project meta are not usable ({}); showing the defaults", e.getMessage());
            return new GeneratorOptions(new GeneratorSettings(id, LabelConfig.k(project), d.temperature(), d.topP(),
                    d.maxNewTokens(), PromptFormat.CHAT.equals(format) && chat ? format : PromptFormat.PLAIN), models);
        }
    }

    /**
     * Stores {@code settings} in one transaction, after checking that the model is in the project
     * and, for the chat format, has a chat template.
     */
    public static void save(Project project, GeneratorSettings settings) {
        ModelEntry model = project.models().get(settings.modelId());
        if (model == null) {
            throw new IllegalArgumentException("Model " + settings.modelId() + " is not in the project.");
        }
        if (PromptFormat.CHAT.equals(settings.promptFormat())) {
            var facts = ModelFactsService.facts(project.resolveStored(model.path(), "model " + model.id()));
            if (facts == null || !facts.chatTemplate()) {
                throw new IllegalArgumentException("Model " + model.name() + " has no chat template: choose the plain"
                        + " prompt format.");
            }
        }
        MetaRepository meta = project.meta();
        project.db().inTransaction(() -> {
            meta.put(SampleProjects.META_POLICY_MODEL, Long.toString(settings.modelId()));
            meta.put(LabelConfig.META_K, Integer.toString(settings.k()));
            meta.put(LabelConfig.META_TEMPERATURE, Float.toString(settings.temperature()));
            meta.put(LabelConfig.META_TOP_P, Float.toString(settings.topP()));
            meta.put(LabelConfig.META_MAX_NEW_TOKENS, Integer.toString(settings.maxNewTokens()));
            meta.put(PromptFormat.META_FORMAT, settings.promptFormat());
            return null;
        });
        LOG.info("Labeling now generates with model {} ({})", settings.modelId(), settings.summary());
    }
}

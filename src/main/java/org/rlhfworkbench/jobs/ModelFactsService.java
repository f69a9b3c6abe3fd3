package org.rlhfworkbench.jobs;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.rlhfworkbench.core.ModelEntry;
import org.rlhfworkbench.core.ModelFacts;
import org.rlhfworkbench.core.ModelKind;
import org.rlhfworkbench.jobs.reward.RewardModelCheck;
import org.rlhfworkbench.lm.family.ModelCards;
import org.rlhfworkbench.store.Project;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The project's models with their facts (family, parameters, dtype, chat template) for pickers,
 * read from each folder's config and safetensors headers once and cached by folder and time.
 */
public final class ModelFactsService {
    private static final Logger LOG = LoggerFactory.getLogger(ModelFactsService.class);
    private static final Map<String, ModelFacts> CACHE = new ConcurrentHashMap<>();

    private ModelFactsService() {
    }

    /**
     * The project's models, each with facts attached when its folder is readable, and reward
     * models with a warning when their scores will mean little ({@link RewardModelCheck}).
     */
    public static List<ModelEntry> describe(Project project) {
        return project.models().all().stream().map(m -> {
            Path folder = project.dir().resolve(m.path());
            ModelEntry e = m.withFacts(facts(folder));
            return m.kind() == ModelKind.REWARD ? e.withWarning(RewardModelCheck.warning(folder)) : e;
        }).toList();
    }

    /** Facts of one model folder, or null when it cannot be read (logged once per folder state). */
    public static ModelFacts facts(Path folder) {
        String key;
        try {
            key = folder.toAbsolutePath().normalize() + "@" + Files.getLastModifiedTime(folder.resolve("config.json"));
        } catch (java.io.IOException e) {
            return null;
        }
        return CACHE.computeIfAbsent(key, k -> {
            try {
                return ModelCards.read(folder);
            } catch (RuntimeException e) {
                LOG.warn("cannot describe model {}: {}", folder, e.getMessage());
                return null;
            }
        });
    }
}

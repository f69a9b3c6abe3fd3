package org.rlhfworkbench.jobs.label;

import java.util.List;

/**
 * The generator settings in force and the models that could replace the current one.
 *
 * @param current the settings of the next prompt; null when the project has no model yet
 * @param models  every model of the project, oldest first
 */
public record GeneratorOptions(GeneratorSettings current, List<GeneratorChoice> models) {
    public GeneratorOptions {
        models = List.copyOf(models);
    }

    public static GeneratorOptions none() {
        return new GeneratorOptions(null, List.of());
    }

    /** The current model's entry, or null. */
    public GeneratorChoice currentModel() {
        return current == null ? null : models.stream().filter(m -> m.id() == current.modelId()).findFirst().orElse(null);
    }
}

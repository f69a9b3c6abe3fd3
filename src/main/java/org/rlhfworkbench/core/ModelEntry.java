package org.rlhfworkbench.core;

/**
 * A model checkpoint known to the project.
 *
 * @param path folder of the HF-format checkpoint, relative to the project folder
 * @param parentId the model it was trained from, null for a base model
 * @param runId the run that produced it, null when imported
 * @param facts family, size, dtype and chat template when read from the folder, else null
 * @param warning why results built on it may mean little (a reward model trained on too few
 *        rankings or with low held-out accuracy), else null
 */
public record ModelEntry(long id, String name, ModelKind kind, Long parentId, String path,
                         Long runId, ModelFacts facts, String warning) {
    public ModelEntry(long id, String name, ModelKind kind, Long parentId, String path, Long runId) {
        this(id, name, kind, parentId, path, runId, null, null);
    }

    public ModelEntry(long id, String name, ModelKind kind, Long parentId, String path, Long runId, ModelFacts facts) {
        this(id, name, kind, parentId, path, runId, facts, null);
    }

    /** This entry with {@code facts} attached. */
    public ModelEntry withFacts(ModelFacts facts) {
        return new ModelEntry(id, name, kind, parentId, path, runId, facts, warning);
    }

    /** This entry with {@code warning} attached (null: none). */
    public ModelEntry withWarning(String warning) {
        return new ModelEntry(id, name, kind, parentId, path, runId, facts, warning);
    }
}

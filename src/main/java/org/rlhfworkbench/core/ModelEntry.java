package org.rlhfworkbench.core;

/**
 * A model checkpoint known to the project.
 *
 * @param path folder of the HF-format checkpoint, relative to the project folder
 * @param parentId the model it was trained from, null for a base model
 * @param runId the run that produced it, null when imported
 * @param facts family, size, dtype and chat template when read from the folder, else null
 */
public record ModelEntry(long id, String name, ModelKind kind, Long parentId, String path,
                         Long runId, ModelFacts facts) {
    public ModelEntry(long id, String name, ModelKind kind, Long parentId, String path, Long runId) {
        this(id, name, kind, parentId, path, runId, null);
    }

    /** This entry with {@code facts} attached. */
    public ModelEntry withFacts(ModelFacts facts) {
        return new ModelEntry(id, name, kind, parentId, path, runId, facts);
    }
}

package org.rlhfworkbench.core;

/**
 * A model checkpoint known to the project.
 *
 * @param path folder of the HF-format checkpoint, relative to the project folder
 * @param parentId the model it was trained from, null for a base model
 * @param runId the run that produced it, null when imported
 */
public record ModelEntry(long id, String name, ModelKind kind, Long parentId, String path,
                         Long runId) {
}

package org.rlhfworkbench.core;

/**
 * One response to a prompt: sampled by a model, imported, or written by the labeler.
 *
 * @param tokenCount number of tokens when a tokenizer produced it, else null
 * @param modelId the model that sampled it, null for imported text
 * @param source "model", "import" or "correction"
 * @param score an external score that came with the data (RLHFlow rewards), else null
 * @param samplingJson the sampling parameters as JSON, null when not sampled here
 */
public record Generation(long id, long promptId, String text, Integer tokenCount, Long modelId,
                         String source, Double score, String samplingJson) {
}

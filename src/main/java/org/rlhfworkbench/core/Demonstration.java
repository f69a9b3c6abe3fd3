package org.rlhfworkbench.core;

/**
 * A (prompt, answer) example for supervised fine-tuning.
 *
 * @param generationId for a correction, the generated response it corrects; else null
 */
public record Demonstration(long id, long promptId, String text, DemonstrationSource source,
                            Long generationId) {
}

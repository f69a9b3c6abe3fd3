package org.rlhfworkbench.jobs.eval;

import java.nio.file.Path;
import java.util.List;

/**
 * What an arena session compares and how answers are sampled.
 *
 * @param models two or more model ids; pairs go round-robin over every pair of them
 * @param file the prompts file when {@code promptSet} is FILE, else null
 * @param prompts how many prompts (matchups) at most
 * @param annotator "human", or "simulated:NAME" for automated runs
 */
public record ArenaSetup(List<Long> models, PromptSet promptSet, Path file, int prompts, float temperature, float topP,
                         int maxNewTokens, long seed, String annotator) {
    public ArenaSetup {
        models = List.copyOf(models);
        if (models.size() < 2 || models.stream().distinct().count() != models.size()) {
            throw new IllegalArgumentException("the arena needs two or more different models, got " + models);
        }
        if (prompts < 1) {
            throw new IllegalArgumentException("the arena needs at least one prompt, got " + prompts);
        }
        if (promptSet == PromptSet.FILE && file == null) {
            throw new IllegalArgumentException("choose the prompts file");
        }
        if (!(temperature >= 0) || !(topP > 0 && topP <= 1) || maxNewTokens < 1) {
            throw new IllegalArgumentException("sampling needs temperature >= 0, top-p in (0, 1] and max new tokens >= 1");
        }
    }

    /** Defaults for a human session: temperature 0.7, top-p 0.95, 64 new tokens, seed 1. */
    public static ArenaSetup of(List<Long> models, PromptSet set, int prompts) {
        return new ArenaSetup(models, set, null, prompts, 0.7f, 0.95f, 64, 1, "human");
    }
}

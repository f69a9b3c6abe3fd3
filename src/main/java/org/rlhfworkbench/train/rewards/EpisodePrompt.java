package org.rlhfworkbench.train.rewards;

import java.util.Map;

/**
 * A prompt an RL trainer answers: the project's id, the text as written (not as rendered for the
 * model), its reference answer (null when it has none), metadata (source, split ...) and the
 * token ids the model is conditioned on.
 */
public record EpisodePrompt(long id, String text, String reference, Map<String, String> metadata, int[] ids) {
    public EpisodePrompt {
        metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
    }
}

package org.rlhfworkbench.train.rewards;

/**
 * One sampled answer as a reward source sees it: the prompt (id, metadata, reference answer,
 * text and ids), the answer's text and ids, and whether it stopped at an end-of-sequence token
 * (false: it was cut at the length cap).
 */
public record Episode(EpisodePrompt prompt, String answerText, int[] answerIds, boolean stoppedAtEos) {
}

package org.rlhfworkbench.train.dpo;

/**
 * One preference pair as tokens: the chosen and rejected responses (each ending with EOS) to
 * one prompt, and the reference model's sequence log-probs of both once they are known.
 */
public record DpoPair(long promptId, int[] prompt, int[] chosen, int[] rejected) {
}

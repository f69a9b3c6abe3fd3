package org.rlhfworkbench.ui.dpo;

/**
 * One round of an online DPO run as the summary table shows it.
 *
 * @param iteration 1-based
 * @param meanScore mean reward-model score of all the round's samples (normalised)
 * @param pairMargin mean RM score of chosen minus rejected
 * @param klToSft KL of the sampling policy to the SFT model, nats per response
 */
public record IterationRow(int iteration, int pairs, double meanScore, double pairMargin, double klToSft) {
}

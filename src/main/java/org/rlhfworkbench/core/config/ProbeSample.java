package org.rlhfworkbench.core.config;

/** One probe prompt re-sampled during RL: the policy's answer beside the reference model's, with RM scores. */
public record ProbeSample(String prompt, String policy, double policyScore, String reference, double referenceScore) {
}

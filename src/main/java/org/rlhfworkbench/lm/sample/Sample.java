package org.rlhfworkbench.lm.sample;

/**
 * One sampled response. {@code logprobs[i]} is log softmax(logits / T)[tokens[i]] under the
 * sampling model (before top-k / top-p truncation), so PPO needs no extra forward pass for it.
 *
 * @param stopped true when it ended with a stop token (kept as its last token)
 */
public record Sample(int prompt, int index, int[] tokens, float[] logprobs, boolean stopped) {
    public double sumLogprob() {
        double s = 0;
        for (float lp : logprobs) {
            s += lp;
        }
        return s;
    }
}

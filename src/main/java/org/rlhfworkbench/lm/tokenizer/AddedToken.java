package org.rlhfworkbench.lm.tokenizer;

/** An entry of tokenizer.json's {@code added_tokens}: matched literally before the model runs. */
public record AddedToken(int id, String content, boolean special) {
}

package org.rlhfworkbench.jobs.label;

import java.util.Locale;

/**
 * What generates the answers to label: the model, K answers per prompt, their sampling and the
 * prompt format. Stored in project meta ({@link LabelConfig#saveGenerator}); a change applies
 * from the next prompt on.
 *
 * @param modelId      the project's model that generates
 * @param k            answers per prompt, {@value LabelSettings#MIN_K}..{@value LabelSettings#MAX_K} (one number key per card)
 * @param temperature  above 0: at 0 the K answers would be one greedy answer K times
 * @param topP         nucleus sampling, in (0, 1]; 1 keeps every token
 * @param maxNewTokens 1..{@value #MAX_NEW_TOKENS}: an answer that reaches it is cut and marked so
 * @param promptFormat {@link PromptFormat#CHAT} (the model's chat template) or {@link PromptFormat#PLAIN}
 */
public record GeneratorSettings(long modelId, int k, float temperature, float topP, int maxNewTokens,
                                String promptFormat) {
    public static final int MAX_NEW_TOKENS = 4096;

    public GeneratorSettings {
        String problem = problem(k, temperature, topP, maxNewTokens);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        if (!PromptFormat.CHAT.equals(promptFormat) && !PromptFormat.PLAIN.equals(promptFormat)) {
            throw new IllegalArgumentException("Prompt format must be " + PromptFormat.CHAT + " or "
                    + PromptFormat.PLAIN + ", was " + promptFormat + ".");
        }
    }

    /** The first thing wrong with these values as one line, or null when they are all fine. */
    public static String problem(int k, double temperature, double topP, int maxNewTokens) {
        if (k < LabelSettings.MIN_K || k > LabelSettings.MAX_K) {
            return "K must be from " + LabelSettings.MIN_K + " to " + LabelSettings.MAX_K + " (was " + k + ").";
        }
        if (!(temperature > 0) || Double.isInfinite(temperature)) {
            return "Temperature must be above 0 (was " + number(temperature) + ").";
        }
        if (!(topP > 0 && topP <= 1)) {
            return "Top-p must be above 0 and at most 1 (was " + number(topP) + ").";
        }
        if (maxNewTokens < 1 || maxNewTokens > MAX_NEW_TOKENS) {
            return "Max new tokens must be from 1 to " + MAX_NEW_TOKENS + " (was " + maxNewTokens + ").";
        }
        return null;
    }

    /** "K 4 · T 0.7 · top-p 0.95 · 64 tokens · chat template" */
    public String summary() {
        return "K " + k + " · T " + number(temperature) + " · top-p " + number(topP) + " · max " + maxNewTokens
                + " tokens · " + (PromptFormat.CHAT.equals(promptFormat) ? "chat template" : "plain prompt");
    }

    /** 0.7 as "0.7", 1.0 as "1". */
    public static String number(double v) {
        String s = String.format(Locale.ROOT, "%.4f", v).replaceAll("0+$", "");
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }
}

package org.rlhfworkbench.train.rewards;

import java.util.List;
import java.util.regex.Pattern;

/**
 * 1 when the whole answer (stripped) matches a regular expression, else 0: a format reward.
 * The default "format" pattern asks for one to three sentences that end with a full stop,
 * question or exclamation mark and no unfinished tail.
 */
public final class RegexSource implements RewardSource {
    public static final String FORMAT = "format";
    public static final String DEFAULT_PATTERN = "(?s)[^\\s].{0,200}?[.!?](\\s+[^\\s].{0,200}?[.!?]){0,2}";

    private final String name;
    private final Pattern pattern;

    public RegexSource(String name, String regex) {
        this.name = name;
        this.pattern = Pattern.compile(regex);
    }

    /** The default format check. */
    public static RegexSource format() {
        return new RegexSource(FORMAT, DEFAULT_PATTERN);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public double[] score(List<Episode> episodes) {
        double[] out = new double[episodes.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = pattern.matcher(episodes.get(i).answerText().strip()).matches() ? 1 : 0;
        }
        return out;
    }
}

package org.rlhfworkbench.jobs.grpo;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.rlhfworkbench.core.MetricPoint;

/**
 * Watches a GRPO run's metrics (TRL's names) and raises a {@link GrpoSignal} the step a condition
 * has held for {@link #PATIENCE} steps in a row; it fires again only after the condition has
 * cleared. Conditions: most groups without reward spread (no signal), heavy clipping at either
 * bound, answer length running away from where it started, many answers cut at the cap, entropy
 * collapse. Not thread-safe: feed it from one thread, steps in order.
 */
public final class GrpoHealth {
    static final int PATIENCE = 3;
    static final double ZERO_STD_HIGH = 0.5;
    static final double CLIP_HIGH = 0.1;
    static final double LENGTH_GROWTH = 1.5;
    static final double TRUNCATED_HIGH = 0.3;
    static final double ENTROPY_FLOOR = 0.25;

    private final Map<String, Double> values = new HashMap<>();
    private final Map<String, Double> firsts = new HashMap<>();
    private final Map<GrpoSignal.Kind, Integer> streak = new EnumMap<>(GrpoSignal.Kind.class);
    private final Map<GrpoSignal.Kind, Boolean> raised = new EnumMap<>(GrpoSignal.Kind.class);
    private long step = Long.MIN_VALUE;

    /** Feeds one point; the step's conditions are judged when the next step's first point arrives. */
    public List<GrpoSignal> accept(MetricPoint p) {
        List<GrpoSignal> out = new ArrayList<>();
        if (p.step() != step) {
            if (step != Long.MIN_VALUE) {
                out.addAll(judge());
            }
            step = p.step();
            values.clear();
        }
        if (Double.isFinite(p.value())) {
            values.put(p.name(), p.value());
            firsts.putIfAbsent(p.name(), p.value());
        }
        return out;
    }

    /** Judges the last step fed (call at the end of a run or of a replay). */
    public List<GrpoSignal> flush() {
        return step == Long.MIN_VALUE ? List.of() : judge();
    }

    private List<GrpoSignal> judge() {
        List<GrpoSignal> out = new ArrayList<>();
        double zero = v("frac_reward_zero_std");
        check(out, GrpoSignal.Kind.ZERO_STD_HIGH, zero > ZERO_STD_HIGH,
                fmt("%.0f%% of groups have no reward spread", 100 * zero),
                "When all K answers to a prompt score the same, their group-relative advantages are 0 and the prompt"
                        + " teaches nothing: the step's gradient comes from the few groups left.",
                "Raise K (group) or the temperature; add a reward source with more spread (the reward model);"
                        + " drop prompts that are always or never solved.");
        double low = v("clip_ratio/low_mean");
        check(out, GrpoSignal.Kind.CLIP_LOW_HIGH, low > CLIP_HIGH, fmt("%.0f%% of tokens clipped at 1 - eps_low", 100 * low),
                "Many tokens whose probability fell too far are clipped: the update steps are too large for the"
                        + " clip range.",
                "Lower the learning rate or the number of passes (optimisation.epochs); use more minibatches.");
        double high = v("clip_ratio/high_mean");
        check(out, GrpoSignal.Kind.CLIP_HIGH_HIGH, high > CLIP_HIGH,
                fmt("%.0f%% of tokens clipped at 1 + eps_high", 100 * high),
                "Many tokens whose probability rose too far are clipped; with a small eps_high this also stops"
                        + " rare good tokens from growing (why DAPO raised it to 0.28).",
                "Lower the learning rate; if entropy is falling, raise epsilon_high (clip-higher).");
        double len = v("completions/mean_length");
        double len0 = firsts.getOrDefault("completions/mean_length", Double.NaN);
        check(out, GrpoSignal.Kind.LENGTH_RUNAWAY, len > LENGTH_GROWTH * len0,
                fmt("Mean answer length %.1f tokens, up from %.1f", len, len0),
                "Answers keep getting longer. Sequence-mean aggregation (GRPO) favours long wrong answers, and a"
                        + " reward model may pay for length itself.",
                "Use dr_grpo or dapo aggregation; add the length or overlong penalty; mask truncated answers.");
        double cut = v("completions/clipped_ratio");
        check(out, GrpoSignal.Kind.TRUNCATION_HIGH, cut > TRUNCATED_HIGH,
                fmt("%.0f%% of answers cut at the length cap", 100 * cut),
                "Answers that never reach EOS are scored half-finished; their rewards are noise.",
                "Raise the length cap, turn on the overlong penalty, or mask truncated answers from the loss.");
        double ent = v("entropy");
        double ent0 = firsts.getOrDefault("entropy", Double.NaN);
        check(out, GrpoSignal.Kind.ENTROPY_COLLAPSE, ent < ENTROPY_FLOOR * ent0,
                fmt("Entropy %.3f, down from %.3f", ent, ent0),
                "The policy has become nearly deterministic: the K answers of a group look alike, so groups lose"
                        + " their spread and learning stalls.",
                "Raise epsilon_high (clip-higher), the temperature or beta; lower the learning rate.");
        return out;
    }

    private void check(List<GrpoSignal> out, GrpoSignal.Kind kind, boolean holds, String title, String meaning,
                       String advice) {
        int n = holds ? streak.getOrDefault(kind, 0) + 1 : 0;
        streak.put(kind, n);
        if (!holds) {
            raised.put(kind, false);
        } else if (n >= PATIENCE && !raised.getOrDefault(kind, false)) {
            raised.put(kind, true);
            out.add(new GrpoSignal(step, kind, title, meaning, advice));
        }
    }

    private double v(String name) {
        return values.getOrDefault(name, Double.NaN);
    }

    private static String fmt(String f, Object... args) {
        return String.format(Locale.ROOT, f, args);
    }
}

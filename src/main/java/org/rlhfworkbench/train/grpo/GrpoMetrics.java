package org.rlhfworkbench.train.grpo;

import java.util.Map;
import org.rlhfworkbench.train.run.RunContext;

/** The metrics of one GRPO step under TRL's GRPOTrainer names, so users recognise them. */
final class GrpoMetrics {
    private GrpoMetrics() {
    }

    static void emit(RunContext ctx, long step, long episodes, GroupRollout r, GrpoUpdate.Stats s,
                     Map<String, Double> timings) {
        int n = r.size();
        ctx.metric(step, "reward", mean(r.reported()));
        ctx.metric(step, "reward_std", meanGroupStd(r.reported(), r.k()));
        r.bySource().forEach((name, x) -> {
            ctx.metric(step, "rewards/" + name + "/mean", mean(x));
            ctx.metric(step, "rewards/" + name + "/std", std(x));
        });
        ctx.metric(step, "frac_reward_zero_std", r.fracZeroStd());
        double length = 0;
        double clipped = 0;
        double terminated = 0;
        int min = Integer.MAX_VALUE;
        int max = 0;
        for (int b = 0; b < n; b++) {
            int len = r.lengths()[b];
            length += len;
            min = Math.min(min, len);
            max = Math.max(max, len);
            if (r.stopped()[b]) {
                terminated += len;
            } else {
                clipped++;
            }
        }
        ctx.metric(step, "completions/mean_length", length / n);
        ctx.metric(step, "completions/min_length", min);
        ctx.metric(step, "completions/max_length", max);
        ctx.metric(step, "completions/clipped_ratio", clipped / n);
        ctx.metric(step, "completions/mean_terminated_length", n == clipped ? 0 : terminated / (n - clipped));
        if (s.updates() > 0) {
            ctx.metric(step, "clip_ratio/low_mean", s.clipLow());
            ctx.metric(step, "clip_ratio/high_mean", s.clipHigh());
            ctx.metric(step, "clip_ratio/region_mean", s.clipRegion());
            ctx.metric(step, "entropy", s.entropy());
            if (!Double.isNaN(s.kl())) {
                ctx.metric(step, "kl", s.kl());
            }
        }
        ctx.metric(step, "num_updates", s.updates());
        ctx.metric(step, "episode", episodes);
        timings.forEach((k, v) -> ctx.metric(step, k, v));
    }

    static double mean(double[] x) {
        double s = 0;
        for (double v : x) {
            s += v;
        }
        return x.length == 0 ? 0 : s / x.length;
    }

    /** Sample std (n - 1), 0 for fewer than two values. */
    static double std(double[] x) {
        double m = mean(x);
        double ss = 0;
        for (double v : x) {
            ss += (v - m) * (v - m);
        }
        return x.length < 2 ? 0 : Math.sqrt(ss / (x.length - 1));
    }

    /** TRL's reward_std: the mean over groups of the std of the group's k rewards. */
    static double meanGroupStd(double[] x, int k) {
        double s = 0;
        int groups = 0;
        for (int g = 0; g + k <= x.length; g += k) {
            s += std(java.util.Arrays.copyOfRange(x, g, g + k));
            groups++;
        }
        return groups == 0 ? 0 : s / groups;
    }
}

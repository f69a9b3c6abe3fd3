package org.rlhfworkbench.train.ppo;

import java.util.Map;
import org.rlhfworkbench.train.run.RunContext;

/** The metrics of one PPO step, under TRL's names so users recognise them. */
final class PpoMetrics {
    private PpoMetrics() {
    }

    static void emit(RunContext ctx, long step, long episodes, Rollout r, PpoUpdate.Stats s, double beta,
                     Map<String, Double> timings) {
        int n = r.size();
        double score = 0;
        double raw = 0;
        double length = 0;
        double eosRate = 0;
        for (int b = 0; b < n; b++) {
            score += r.scores()[b];
            raw += r.rawScores()[b];
            length += r.lengths()[b];
            eosRate += r.stopped()[b] ? 1 : 0;
        }
        // the per-token rewards besides the score sum to -beta * KL per response (step 4)
        double nonScore = -beta * r.klPerResponse() * n;
        ctx.metric(step, "objective/kl", r.klPerResponse());
        ctx.metric(step, "objective/entropy", s.entropy());
        ctx.metric(step, "objective/non_score_reward", nonScore / n);
        ctx.metric(step, "objective/rlhf_reward", (score + nonScore) / n);
        ctx.metric(step, "objective/scores", score / n);
        ctx.metric(step, "objective/raw_scores", raw / n);
        ctx.metric(step, "policy/approxkl_avg", s.approxKl());
        ctx.metric(step, "policy/clipfrac_avg", s.clipFrac());
        ctx.metric(step, "loss/policy_avg", s.policyLoss());
        ctx.metric(step, "loss/value_avg", s.valueLoss());
        ctx.metric(step, "val/clipfrac_avg", s.valueClipFrac());
        ctx.metric(step, "val/ratio", s.ratio());
        ctx.metric(step, "val/num_eos_tokens", eosRate);
        ctx.metric(step, "response_length", length / n);
        ctx.metric(step, "beta", beta);
        ctx.metric(step, "episode", episodes);
        timings.forEach((k, v) -> ctx.metric(step, k, v));
    }
}

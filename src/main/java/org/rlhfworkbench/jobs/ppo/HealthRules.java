package org.rlhfworkbench.jobs.ppo;

import static org.rlhfworkbench.jobs.ppo.HealthSignal.Kind;
import static org.rlhfworkbench.jobs.ppo.HealthSignal.Severity.CRITICAL;
import static org.rlhfworkbench.jobs.ppo.HealthSignal.Severity.WARNING;
import static org.rlhfworkbench.jobs.ppo.PpoMetricNames.CLIPFRAC;
import static org.rlhfworkbench.jobs.ppo.PpoMetricNames.ENTROPY;
import static org.rlhfworkbench.jobs.ppo.PpoMetricNames.EPISODE;
import static org.rlhfworkbench.jobs.ppo.PpoMetricNames.KL;
import static org.rlhfworkbench.jobs.ppo.PpoMetricNames.NUM_EOS;
import static org.rlhfworkbench.jobs.ppo.PpoMetricNames.RATIO;
import static org.rlhfworkbench.jobs.ppo.PpoMetricNames.RESPONSE_LENGTH;
import static org.rlhfworkbench.jobs.ppo.PpoMetricNames.SCORES;

import java.util.List;
import java.util.Locale;
import org.rlhfworkbench.jobs.ppo.HealthRule.Check;

/** The conditions of a PPO run worth a signal, with what each usually means and what to try. */
final class HealthRules {
    private HealthRules() {
    }

    static List<HealthRule> all() {
        return List.of(
                new HealthRule(Kind.KL_HIGH, WARNING, List.of(KL), (f, t) -> new Check(f.value(KL) > t.klHigh(),
                        f.value(KL) < 0.8 * t.klHigh(), fmt("KL to the SFT model is %.1f nats per response (limit %.0f)",
                        f.value(KL), t.klHigh())),
                        "The policy has moved far from the SFT model. Its answers are drifting into text the reward"
                                + " model never saw in training, where its scores stop meaning much.",
                        "Raise the KL coefficient, or turn on adaptive KL with a lower target; lower the learning"
                                + " rate; if the samples already look worse, go back to an earlier checkpoint."),
                new HealthRule(Kind.KL_NEGATIVE, WARNING, List.of(KL), (f, t) -> new Check(f.value(KL) < t.klNegative(),
                        f.value(KL) > t.klNegative() / 2, fmt("KL estimate is negative: %.2f nats per response",
                        f.value(KL))),
                        "True KL is never negative. The k1 estimate (mean log-ratio of policy to SFT over the sampled"
                                + " tokens) goes clearly below zero when the tokens were not sampled the way they are"
                                + " scored, or when the policy games the per-token penalty by picking tokens the SFT"
                                + " model likes more than it does.",
                        "Check that rollouts sample with the temperature the log-probs use and that nothing forces"
                                + " or bans tokens; try the k3 estimator (never negative); lower the learning rate."),
                new HealthRule(Kind.RATIO_FAR_FROM_ONE, WARNING, List.of(RATIO), (f, t) -> new Check(
                        Math.abs(f.value(RATIO) - 1) > t.ratioBand(), Math.abs(f.value(RATIO) - 1) < t.ratioBand() / 2,
                        fmt("Policy ratio is %.2f, far from 1 (band ±%.2f)", f.value(RATIO), t.ratioBand())),
                        "The new/old probability ratio should stay near 1 inside a PPO update. Far from 1 the policy"
                                + " changed too much on one rollout, clipping discards most of the gradient, and the"
                                + " update gets unstable. From the very first step it usually means the rollout"
                                + " log-probs do not match the training forward pass.",
                        "Lower the learning rate or the PPO epochs, or use more minibatches; if it shows from step 1,"
                                + " look for a mismatch between sampling and training (temperature, padding)."),
                new HealthRule(Kind.CLIPFRAC_HIGH, WARNING, List.of(CLIPFRAC), (f, t) -> new Check(
                        f.value(CLIPFRAC) > t.clipfracHigh(), f.value(CLIPFRAC) < t.clipfracHigh() * 2 / 3,
                        fmt("%.0f%% of token updates clipped (limit %.0f%%)", 100 * f.value(CLIPFRAC),
                                100 * t.clipfracHigh())),
                        "Many token updates hit PPO's clip range, so their gradient is thrown away: the steps are too"
                                + " large for the clip range and learning slows or wobbles.",
                        "Lower the learning rate or the number of PPO epochs; use more minibatches; keep the clip range"
                                + " at 0.2."),
                new HealthRule(Kind.ENTROPY_COLLAPSE, CRITICAL, List.of(ENTROPY), HealthRules::entropy,
                        "The policy has become nearly deterministic and keeps giving the same few answers."
                                + " Exploration has stopped, and often one pattern is exploiting the reward model.",
                        "Raise the KL coefficient, lower the learning rate, add a small entropy bonus or raise the"
                                + " sampling temperature; read the samples for repetition."),
                new HealthRule(Kind.LENGTH_RUNAWAY, CRITICAL, List.of(RESPONSE_LENGTH), HealthRules::runaway,
                        "Answers keep getting longer. Reward models often prefer longer text, so length can grow"
                                + " without the answers getting better: a classic sign of reward hacking.",
                        "Read the samples; raise the KL coefficient; retrain the reward model with length-matched"
                                + " pairs or add a length penalty; a lower response cap limits the damage."),
                new HealthRule(Kind.LENGTH_COLLAPSE, CRITICAL, List.of(RESPONSE_LENGTH), HealthRules::collapse,
                        "The policy ends its answers almost at once. Usually the reward model scores short or empty"
                                + " answers above real ones, and the policy found that out.",
                        "Read the samples; check the reward model's scores on empty and very short answers; raise the"
                                + " KL coefficient; lower the learning rate."),
                new HealthRule(Kind.REWARD_FLAT, WARNING, List.of(SCORES, KL), HealthRules::flat,
                        "The policy keeps moving away from the SFT model without earning more reward: the KL it pays"
                                + " buys nothing. The reward signal is weak (a saturated or noisy reward model) or"
                                + " the updates are too large for it.",
                        "Stop here or keep the best checkpoint; raise the KL coefficient; check the reward model's"
                                + " held-out accuracy; more episodes per step lower the noise."),
                new HealthRule(Kind.MISSING_EOS, WARNING, List.of(NUM_EOS, EPISODE), HealthRules::missingEos,
                        "Most answers are cut off at the length cap. They are scored unfinished, the missing-EOS"
                                + " penalty (if on) dominates the reward, and the policy may be learning to ramble.",
                        "Raise max new tokens if answers are legitimately long; keep the missing-EOS penalty on; check"
                                + " that the SFT data end with the tokenizer's EOS token."));
    }

    private static Check entropy(HealthRule.Facts f, HealthThresholds t) {
        double e = f.value(ENTROPY);
        double e0 = f.first(ENTROPY);
        if (!(e0 > 0)) {
            return null;
        }
        return new Check(e < t.entropyFloor() * e0, e > 1.5 * t.entropyFloor() * e0,
                fmt("Entropy fell to %.3f, under %.0f%% of its start (%.3f)", e, 100 * t.entropyFloor(), e0));
    }

    private static Check runaway(HealthRule.Facts f, HealthThresholds t) {
        double l = f.value(RESPONSE_LENGTH);
        double l0 = f.first(RESPONSE_LENGTH);
        if (!(l0 > 0)) {
            return null;
        }
        double limit = Math.max(t.lengthGrowth() * l0, l0 + 2);
        return new Check(l > limit, l < l0 + 0.6 * (limit - l0),
                fmt("Responses average %.1f tokens, over %.1fx their start (%.1f)", l, t.lengthGrowth(), l0));
    }

    private static Check collapse(HealthRule.Facts f, HealthThresholds t) {
        double l = f.value(RESPONSE_LENGTH);
        double l0 = f.first(RESPONSE_LENGTH);
        double floor = Double.isNaN(l0) ? t.lengthFloorTokens() : Math.max(t.lengthFloorTokens(), 0.25 * l0);
        if (Double.isFinite(l0) && l0 <= floor) {
            return null; // started that short: nothing collapsed
        }
        return new Check(l < floor, l > 1.4 * floor,
                fmt("Responses shrank to %.1f tokens on average (started at %.1f)", l, l0));
    }

    private static Check flat(HealthRule.Facts f, HealthThresholds t) {
        Trend scores = f.trend(SCORES);
        Trend kl = f.trend(KL);
        if (!scores.full() || !kl.full()) {
            return null;
        }
        double ds = scores.change();
        double dk = kl.change();
        return new Check(ds < t.flatChange() && dk > t.klRise(), ds > 2 * t.flatChange() || dk < t.klRise() / 2,
                fmt("Reward flat over the last %d steps (%+.3f) while KL rose %.2f nats", t.flatWindow(), ds, dk));
    }

    private static Check missingEos(HealthRule.Facts f, HealthThresholds t) {
        // "episode" counts the responses sampled so far: steps (1-based) times episodes per step
        double episodesPerStep = f.step() > 0 ? f.value(EPISODE) / f.step() : Double.NaN;
        if (!(episodesPerStep > 0)) {
            return null;
        }
        double share = 1 - f.value(NUM_EOS) / episodesPerStep;
        return new Check(share > t.missingEosShare(), share < 0.6 * t.missingEosShare(),
                fmt("%.0f%% of responses hit the length cap without EOS", 100 * share));
    }

    static String fmt(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }
}

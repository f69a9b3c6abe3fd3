package org.rlhfworkbench.jobs.ppo;

import static org.rlhfworkbench.jobs.ppo.HealthSignal.Severity.CRITICAL;
import static org.rlhfworkbench.jobs.ppo.HealthSignal.Severity.WARNING;

import java.util.List;
import org.rlhfworkbench.jobs.ppo.HealthRule.Check;

/**
 * The conditions of a DPO run worth a signal, judged by the same {@link HealthMonitor} as PPO's:
 * the chosen answers' log-prob falling (DPO widens the margin by pushing both answers down, and
 * the chosen one's probability mass goes to text nobody ranked), and the online loop's KL to the
 * SFT model running high. Reward hacking in the probe answers is {@link ProbeHealth}'s.
 */
final class DpoHealthRules {
    /** logps/chosen as TRL logs it: the mean sequence log-prob of the chosen answers. */
    static final String CHOSEN = "logps/chosen";
    /** The online loop's KL of the policy's samples to the SFT model, per round. */
    static final String ONLINE_KL = "online/kl_sft";
    /** Nats the chosen log-prob may fall below its start before it is a signal (clears above half of it). */
    static final double CHOSEN_DROP = 5.0;

    private DpoHealthRules() {
    }

    static List<HealthRule> all() {
        return List.of(
                new HealthRule(HealthSignal.Kind.CHOSEN_LOGP_FALLING, CRITICAL, List.of(CHOSEN),
                        DpoHealthRules::chosenFalling,
                        "DPO only needs the chosen answer to gain on the rejected one, and it can get there by"
                                + " lowering both. When the chosen answers themselves lose probability, the mass goes"
                                + " to text nobody ranked: answers get longer, stranger or repetitive even as the"
                                + " preference accuracy looks fine.",
                        "Read the probe samples; lower the learning rate or the epochs; raise beta; try IPO, or stop"
                                + " at an earlier checkpoint; more SFT on the chosen answers first (RPO) helps too."),
                new HealthRule(HealthSignal.Kind.KL_HIGH, WARNING, List.of(ONLINE_KL), (f, t) -> new Check(
                        f.value(ONLINE_KL) > t.klHigh(), f.value(ONLINE_KL) < 0.8 * t.klHigh(),
                        HealthRules.fmt("KL of the round's samples to the SFT model is %.1f nats (limit %.0f)",
                                f.value(ONLINE_KL), t.klHigh())),
                        "The policy's answers have moved far from the SFT model's, into text the reward model that"
                                + " picks the pairs never saw in training, where its choices stop meaning much.",
                        "Raise beta; use the SFT model as the reference (not the previous round's policy); fewer"
                                + " epochs per round; keep the round with the best held-out win rate."));
    }

    /** Enters when the chosen log-prob is CHOSEN_DROP nats under its first value and still falling over the window. */
    private static Check chosenFalling(HealthRule.Facts f, HealthThresholds t) {
        double now = f.value(CHOSEN);
        double first = f.first(CHOSEN);
        Trend trend = f.trend(CHOSEN);
        if (!Double.isFinite(first) || !trend.full()) {
            return null;
        }
        return new Check(now < first - CHOSEN_DROP && trend.change() < 0, now > first - CHOSEN_DROP / 2,
                HealthRules.fmt("Chosen log-prob fell to %.1f from %.1f (more than %.0f nats) and keeps falling", now,
                        first, CHOSEN_DROP));
    }
}

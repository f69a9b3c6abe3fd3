package org.rlhfworkbench.train.rewards;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Several reward sources, "normalise then sum": each source's scores over the batch become
 *   z_s = (x_s - mean(x_s)) / std(x_s)     (0 where a source gave every episode the same score)
 * and the reward is sum_s w_s z_s, so a source's weight means the same whatever its scale. With
 * normalisation off the reward is sum_s w_s x_s. The weighted raw sum is what "reward" reports.
 */
public final class RewardMix {
    /** A source with its weight. */
    public record Weighted(RewardSource source, double weight) {
    }

    /** What one batch scored: the training reward, the reported reward, and each source's raw scores. */
    public record Scores(double[] reward, double[] reported, Map<String, double[]> bySource) {
    }

    private final List<Weighted> sources;
    private final boolean normalise;

    public RewardMix(List<Weighted> sources, boolean normalise) {
        if (sources.isEmpty()) {
            throw new IllegalArgumentException("at least one reward source is needed");
        }
        List<String> names = new ArrayList<>();
        for (Weighted w : sources) {
            if (names.contains(w.source().name())) {
                throw new IllegalArgumentException("reward source " + w.source().name() + " is given twice");
            }
            names.add(w.source().name());
        }
        this.sources = List.copyOf(sources);
        this.normalise = normalise;
    }

    public List<Weighted> sources() {
        return sources;
    }

    /** True when any source is the sample's simulated judge. */
    public boolean usesSimulatedJudge() {
        return sources.stream().anyMatch(w -> w.source().simulatedJudge());
    }

    public Scores score(List<Episode> episodes) {
        int n = episodes.size();
        double[] reward = new double[n];
        double[] reported = new double[n];
        Map<String, double[]> by = new LinkedHashMap<>();
        for (Weighted w : sources) {
            double[] x = w.source().score(episodes);
            by.put(w.source().name(), x);
            double[] z = normalise ? standardise(x) : x;
            for (int i = 0; i < n; i++) {
                reward[i] += w.weight() * z[i];
                reported[i] += w.weight() * x[i];
            }
        }
        return new Scores(reward, reported, by);
    }

    /** (x - mean) / std over the batch (sample std, n - 1); all zeros when std is below 1e-8. */
    static double[] standardise(double[] x) {
        double mean = 0;
        for (double v : x) {
            mean += v / x.length;
        }
        double ss = 0;
        for (double v : x) {
            ss += (v - mean) * (v - mean);
        }
        double std = x.length < 2 ? 0 : Math.sqrt(ss / (x.length - 1));
        double[] z = new double[x.length];
        if (std < 1e-8) {
            return z;
        }
        for (int i = 0; i < x.length; i++) {
            z[i] = (x[i] - mean) / std;
        }
        return z;
    }
}

package org.rlhfworkbench.cli;

import java.io.PrintWriter;
import java.util.Map;
import java.util.TreeMap;
import org.rlhfworkbench.core.MetricPoint;
import org.rlhfworkbench.jobs.run.RunListener;

/** A text progress bar on stderr for a training run, redrawn at most four times a second. */
final class ProgressPrinter implements RunListener {
    private final PrintWriter err;
    private final Map<String, Double> latest = new TreeMap<>();
    private long lastDraw;
    private long lastLine;

    ProgressPrinter(PrintWriter err) {
        this.err = err;
    }

    @Override
    public synchronized void onMetric(MetricPoint p) {
        latest.put(p.name(), p.value());
        if (p.name().startsWith("eval/")) {
            err.printf("%n  step %d %s = %.4f%n", p.step(), p.name(), p.value());
        }
    }

    @Override
    public synchronized void onProgress(long step, long total, double tps, double eta) {
        if (latest.containsKey("objective/scores") && step > lastLine) {
            lastLine = step;  // PPO: one line of metrics per step above the bar
            err.printf("\rstep %d/%d  score %.3f  rlhf_reward %.3f  kl %.3f  beta %.4f  entropy %.3f  clipfrac %.3f"
                    + "  approxkl %.4f  ratio %.3f%n", step, total, latest.get("objective/scores"),
                    latest.getOrDefault("objective/rlhf_reward", Double.NaN),
                    latest.getOrDefault("objective/kl", Double.NaN), latest.getOrDefault("beta", Double.NaN),
                    latest.getOrDefault("objective/entropy", Double.NaN),
                    latest.getOrDefault("policy/clipfrac_avg", Double.NaN),
                    latest.getOrDefault("policy/approxkl_avg", Double.NaN), latest.getOrDefault("val/ratio", Double.NaN));
            lastDraw = 0;
        } else if (latest.containsKey("frac_reward_zero_std") && step > lastLine) {
            lastLine = step;  // GRPO: one line of TRL's metrics per step above the bar
            StringBuilder sources = new StringBuilder();
            latest.forEach((k, v) -> {
                if (k.startsWith("rewards/") && k.endsWith("/mean")) {
                    sources.append(String.format("  %s %.3f", k.substring(8, k.length() - 5), v));
                }
            });
            err.printf("\rstep %d/%d  reward %.3f  reward_std %.3f%s  zero_std %.2f  clip low %.3f high %.3f  kl %.4f"
                    + "  entropy %.3f  length %.1f  clipped %.2f%n", step, total, latest.get("reward"),
                    latest.getOrDefault("reward_std", Double.NaN), sources, latest.get("frac_reward_zero_std"),
                    latest.getOrDefault("clip_ratio/low_mean", Double.NaN),
                    latest.getOrDefault("clip_ratio/high_mean", Double.NaN), latest.getOrDefault("kl", Double.NaN),
                    latest.getOrDefault("entropy", Double.NaN),
                    latest.getOrDefault("completions/mean_length", Double.NaN),
                    latest.getOrDefault("completions/clipped_ratio", Double.NaN));
            lastDraw = 0;
        }
        long now = System.currentTimeMillis();
        if (now - lastDraw < 250 && step < total) {
            return;
        }
        lastDraw = now;
        int width = 30;
        int done = (int) (width * step / Math.max(1, total));
        String dpo = latest.containsKey("rewards/margins") ? String.format("  margin %.3f  acc %.2f  logp_w %.2f",
                latest.get("rewards/margins"), latest.getOrDefault("rewards/accuracies", Double.NaN),
                latest.getOrDefault("logps/chosen", Double.NaN)) : "";
        err.printf("\r[%s%s] %d/%d loss %.4f%s  %.0f tok/s  ETA %.0fs   ", "#".repeat(done), ".".repeat(width - done),
                step, total, latest.getOrDefault("loss", Double.NaN), dpo, tps, Double.isNaN(eta) ? 0 : eta);
        err.flush();
    }

    @Override
    public void onLog(String line) {
        err.println(line);
    }

    synchronized Map<String, Double> latest() {
        return new TreeMap<>(latest);
    }
}

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

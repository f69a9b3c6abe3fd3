package org.rlhfworkbench.lm.bench;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.rlhfworkbench.lm.model.CausalLm;
import org.rlhfworkbench.lm.nd.CpuTuning;

/**
 * Ours against PyTorch eager on the same model, from one run: the reference runs first (in its
 * own process, before our model is in memory), then the same work here. Figures per line: ours,
 * torch, and ours / torch (above 1 is better for tokens/s, below 1 is better for RSS).
 */
public final class ReferenceBench {
    /** What to run: training batch x ctx, K samples of one prompt, P prompts, N new tokens each. */
    public record Work(int batch, int ctx, int warmup, int steps, int k, int prompts, int promptLen, int newTokens,
            int reps, int threads) {
        Map<String, Object> options() {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("batch", batch);
            o.put("ctx", ctx);
            o.put("warmup", warmup);
            o.put("steps", steps);
            o.put("k", k);
            o.put("prompts", prompts);
            o.put("prompt-len", promptLen);
            o.put("new-tokens", newTokens);
            o.put("reps", reps);
            o.put("threads", threads);
            o.put("decode-threads", Integer.getInteger("rlhf.decodeThreads", 1));  // as our Sampler decodes
            return o;
        }
    }

    /** One compared figure. */
    public record Line(String figure, double ours, double torch) {
        public double ratio() {
            return ours / torch;
        }
    }

    /** Every compared figure, the reference's own facts (version, threads), and why it was skipped if so. */
    public record Comparison(Map<String, Object> config, java.util.List<Line> lines, String skipped) {
    }

    private ReferenceBench() {
    }

    /**
     * Runs the reference on {@code folder} (config.json, weights optional), then ours on the model
     * {@code load} returns (closed afterwards).
     */
    public static Comparison run(java.nio.file.Path folder, Supplier<CausalLm> load, Work w) {
        TorchReference.Result ref = TorchReference.run(folder, w.options());
        Map<String, Object> config = new LinkedHashMap<>(w.options());
        config.put("model", folder.toString());
        ref.figures().forEach((k, v) -> {
            if (!(v instanceof Double)) {
                config.put("torch_" + k, v);
            }
        });
        Map<String, Double> ours = new LinkedHashMap<>();
        try (CausalLm model = load.get()) {
            config.put("architecture", model.getClass().getSimpleName());
            config.put("parameters", model.weights().count());
            config.put("cpu_tuning", String.valueOf(CpuTuning.status()));  // null: not applied
            LmBench bench = new LmBench(model);
            ours.put("matmul_gflops", MatmulProbe.gflops(model.manager()));  // each side's GEMM: is the race fair?
            ours.put("generate_k_tokens_per_second",
                    bench.sampleTokensPerSecond(1, w.k(), w.promptLen(), w.newTokens(), w.reps()));
            ours.put("generate_prompts_tokens_per_second",
                    bench.sampleTokensPerSecond(w.prompts(), 1, w.promptLen(), w.newTokens(), w.reps()));
            ours.put("generate_peak_rss_mb", (double) Rss.peakMb());
            BenchResult train = bench.train(w.batch(), w.ctx(), w.warmup(), w.steps());
            ours.put("train_tokens_per_second", train.figures().get("train_tokens_per_second"));
            ours.put("train_peak_rss_mb", (double) Rss.peakMb());
        }
        java.util.List<Line> lines = new java.util.ArrayList<>();
        ours.forEach((k, v) -> lines.add(new Line(k, v, ref.skipped() == null ? ref.get(k) : Double.NaN)));
        return new Comparison(config, lines, ref.skipped());
    }
}

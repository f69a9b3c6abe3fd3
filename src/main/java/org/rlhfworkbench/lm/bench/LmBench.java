package org.rlhfworkbench.lm.bench;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.rlhfworkbench.lm.model.AttentionMask;
import org.rlhfworkbench.lm.model.CausalLm;
import org.rlhfworkbench.lm.nd.CpuTuning;
import org.rlhfworkbench.lm.optim.WindowLoss;
import org.rlhfworkbench.lm.optim.LrSchedule;
import org.rlhfworkbench.lm.optim.OptimizerConfig;
import org.rlhfworkbench.lm.optim.Trainer;
import org.rlhfworkbench.lm.sample.Sampler;
import org.rlhfworkbench.lm.sample.SamplingParams;
import org.rlhfworkbench.lm.sample.TokenListener;

/**
 * Training and generation throughput of a model, each with a reference measured in the same run:
 * training against the machine's measured matmul throughput (model FLOPs utilisation), cached
 * generation against generation that re-runs the whole sequence every token (no KV cache).
 */
public final class LmBench {
    private final CausalLm model;
    private final Random rng = new Random(0);

    public LmBench(CausalLm model) {
        this.model = model;
    }

    /** Training steps of batch x ctx tokens; figures: tokens/s, ms/step, GFLOP/s, MFU vs matmul peak. */
    /**
     * Loads a model folder and reports seconds and peak RSS against the float32 size of its weights,
     * with the target the loader is built for: peak RSS at most 1.3 x float32 bytes + 400 MB.
     */
    public static BenchResult load(java.nio.file.Path folder) {
        long before = Rss.currentMb();
        long t0 = System.nanoTime();
        try (org.rlhfworkbench.lm.LanguageModel lm = org.rlhfworkbench.lm.LanguageModels.load(folder)) {
            double seconds = (System.nanoTime() - t0) / 1e9;
            long params = lm.model().weights().count();
            double weightMb = params * 4.0 / (1 << 20);
            long peak = Rss.peakMb();
            Map<String, Object> config = new java.util.LinkedHashMap<>();
            config.put("model", folder.toString());
            config.put("model_type", lm.config().modelType());
            config.put("parameters", params);
            Map<String, Double> figures = new java.util.LinkedHashMap<>();
            figures.put("load_seconds", seconds);
            figures.put("rss_before_load_mb", (double) before);
            figures.put("peak_rss_mb", (double) peak);
            figures.put("float32_weights_mb", weightMb);
            figures.put("target_peak_rss_mb", 1.3 * weightMb + 400);
            figures.put("peak_over_target", peak / (1.3 * weightMb + 400));
            return new BenchResult("load", config, figures);
        }
    }

    public BenchResult train(int batch, int ctx, int warmup, int steps) {
        Map<String, Object> cfg = config(batch, ctx);
        cfg.put("warmup_steps", warmup);
        cfg.put("steps", steps);
        double matmul = MatmulProbe.gflops(model.manager());
        Map<String, Double> fig = new LinkedHashMap<>();
        try (Trainer trainer = new Trainer(model.weights().all(), model.manager(), OptimizerConfig.defaults(),
                new LrSchedule(LrSchedule.Kind.CONSTANT, 1e-4f, 0, 0, 1f))) {
            double[] seconds = new double[steps];
            for (int i = 0; i < warmup + steps; i++) {
                long[] tokens = randomTokens(batch * (ctx + 1));
                long start = System.nanoTime();
                trainer.step(1, (m, micro) -> WindowLoss.of(model, m, tokens, batch, ctx));
                if (i >= warmup) {
                    seconds[i - warmup] = (System.nanoTime() - start) / 1e9;
                }
            }
            double secs = median(seconds) * steps;  // the median step, so a busy machine skews it less
            double tokensPerSec = (double) batch * ctx * steps / secs;
            double flopsPerToken = 6.0 * model.weights().count();  // forward + backward, attention excluded
            fig.put("train_tokens_per_second", tokensPerSec);
            fig.put("ms_per_step", secs * 1000 / steps);
            fig.put("model_gflops_per_second", tokensPerSec * flopsPerToken / 1e9);
            fig.put("matmul_gflops_per_second", matmul);
            fig.put("mfu_vs_matmul", tokensPerSec * flopsPerToken / 1e9 / matmul);
        }
        fig.put("peak_rss_mb", (double) Rss.peakMb());
        return new BenchResult("train", cfg, fig);
    }

    /** batch sequences x newTokens with the KV cache, and the same without it as the reference. */
    public BenchResult generate(int batch, int promptLen, int newTokens, int uncachedTokens) {
        Map<String, Object> cfg = config(batch, promptLen);
        cfg.put("new_tokens", newTokens);
        List<int[]> prompts = new ArrayList<>();
        for (int b = 0; b < batch; b++) {
            prompts.add(toInts(randomTokens(promptLen)));
        }
        SamplingParams p = new SamplingParams(1f, 0, 1f, newTokens, 1, Set.of());
        new Sampler(model).sample(prompts, 1, p.withMaxNewTokens(8), TokenListener.NONE);  // warm-up
        long start = System.nanoTime();
        new Sampler(model).sample(prompts, 1, p, TokenListener.NONE);
        double cached = (double) batch * newTokens / ((System.nanoTime() - start) / 1e9);
        double uncached = uncachedTokensPerSecond(prompts, uncachedTokens);
        Map<String, Double> fig = new LinkedHashMap<>();
        fig.put("generate_tokens_per_second", cached);
        fig.put("uncached_tokens_per_second", uncached);
        fig.put("speedup_vs_uncached", cached / uncached);
        fig.put("peak_rss_mb", (double) Rss.peakMb());
        return new BenchResult("generate", cfg, fig);
    }

    /**
     * Sampling (temperature 1, no stop token) of {@code k} samples of {@code newTokens} from each of
     * {@code prompts} random prompts of {@code promptLen} tokens: tokens/s, prefill included, the
     * median of {@code reps} runs after a short warm-up.
     */
    public double sampleTokensPerSecond(int prompts, int k, int promptLen, int newTokens, int reps) {
        List<int[]> ps = new ArrayList<>();
        for (int b = 0; b < prompts; b++) {
            ps.add(toInts(randomTokens(promptLen)));
        }
        SamplingParams p = new SamplingParams(1f, 0, 1f, newTokens, 1, Set.of());
        // warm-up: 32 steps, so the JIT has compiled the sampling loops before the first timed run
        // (with 4, the first of the two figures ran 1.7x slower than the second at 124M)
        new Sampler(model).sample(ps, k, p.withMaxNewTokens(Math.min(newTokens, 32)), TokenListener.NONE);
        double[] rates = new double[reps];
        for (int r = 0; r < reps; r++) {
            long start = System.nanoTime();
            new Sampler(model).sample(ps, k, p, TokenListener.NONE);
            rates[r] = (double) prompts * k * newTokens / ((System.nanoTime() - start) / 1e9);
        }
        return median(rates);
    }

    static double median(double[] xs) {
        double[] s = xs.clone();
        java.util.Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : 0.5 * (s[n / 2 - 1] + s[n / 2]);
    }

    /** Reference: every new token recomputes the whole sequence (no cache), greedy. */
    private double uncachedTokensPerSecond(List<int[]> prompts, int steps) {
        int batch = prompts.size();
        int len = prompts.get(0).length;
        long[] ids = new long[batch * (len + steps)];
        for (int b = 0; b < batch; b++) {
            for (int j = 0; j < len; j++) {
                ids[b * (len + steps) + j] = prompts.get(b)[j];
            }
        }
        long start = System.nanoTime();
        try (NDManager m = model.manager().newSubManager()) {
            for (int t = len; t < len + steps; t++) {
                try (NDScope scope = new NDScope()) {
                    long[] cur = new long[batch * t];
                    for (int b = 0; b < batch; b++) {
                        System.arraycopy(ids, b * (len + steps), cur, b * t, t);
                    }
                    NDArray logits = model.forward(m.create(cur, new Shape(batch, t)), AttentionMask.full(batch, t), null);
                    long[] next = logits.get(new NDIndex(":, -1, :")).argMax(-1).toLongArray();
                    for (int b = 0; b < batch; b++) {
                        ids[b * (len + steps) + t] = next[b];
                    }
                }
            }
        }
        return (double) batch * steps / ((System.nanoTime() - start) / 1e9);
    }

    private Map<String, Object> config(int batch, int len) {
        Map<String, Object> cfg = new LinkedHashMap<>();
        var s = model.shape();
        cfg.put("architecture", model.getClass().getSimpleName());
        cfg.put("parameters", model.weights().count());
        cfg.put("layers", s.layers());
        cfg.put("hidden", s.hidden());
        cfg.put("heads", s.heads());
        cfg.put("vocab", s.vocab());
        cfg.put("batch", batch);
        cfg.put("length", len);
        cfg.put("cpu_tuning", String.valueOf(CpuTuning.status()));  // null: not applied
        cfg.put("threads", System.getProperty("ai.djl.pytorch.num_threads", "default"));
        return cfg;
    }

    private long[] randomTokens(int n) {
        long[] t = new long[n];
        for (int i = 0; i < n; i++) {
            t[i] = rng.nextInt(model.shape().vocab());
        }
        return t;
    }

    private static int[] toInts(long[] a) {
        int[] out = new int[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = (int) a[i];
        }
        return out;
    }
}

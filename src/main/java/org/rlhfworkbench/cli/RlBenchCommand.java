package org.rlhfworkbench.cli;

import ai.djl.ndarray.NDManager;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import org.rlhfworkbench.lm.Devices;
import org.rlhfworkbench.lm.LanguageModels;
import org.rlhfworkbench.lm.bench.Rss;
import org.rlhfworkbench.lm.family.ModelFamilies;
import org.rlhfworkbench.lm.io.Gpt2Config;
import org.rlhfworkbench.lm.model.CausalLm;
import org.rlhfworkbench.train.bench.RlBench;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * `rlhf bench-rl --algo ppo|dpo [--model DIR] [--lora-rank 16]`: seconds per PPO / DPO step and the
 * process's peak RSS, full fine-tuning or LoRA. One configuration per process, so peak RSS is its own.
 */
@Command(name = "bench-rl", description = "Seconds per PPO or DPO step and peak RSS, full fine-tuning or LoRA"
        + " (random tokens; without --model a random GPT-2 124M shape).")
final class RlBenchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--algo", required = true, description = "ppo or dpo")
    String algo;

    @Option(names = "--model", paramLabel = "DIR", description = "HF model folder (default: random GPT-2 124M)")
    Path model;

    @Option(names = "--steps", defaultValue = "3", description = "steps; the first is warm-up (default ${DEFAULT-VALUE})")
    int steps;

    @Option(names = "--batch", defaultValue = "4", description = "PPO rollouts or DPO pairs per step (default ${DEFAULT-VALUE})")
    int batch;

    @Option(names = "--prompt-len", defaultValue = "32", description = "prompt tokens (default ${DEFAULT-VALUE})")
    int promptLen;

    @Option(names = "--new-tokens", defaultValue = "32", description = "response tokens (default ${DEFAULT-VALUE})")
    int newTokens;

    @Option(names = "--rss-every", defaultValue = "0", description = "PPO: print the resident memory every N steps"
            + " (memory must stay flat over a long run; 0 = off)")
    int rssEvery;

    @Mixin
    LoraOptions lora = new LoraOptions();

    @Override
    public Integer call() throws Exception {
        Supplier<CausalLm> load = model != null ? () -> LanguageModels.load(model).model()
                : () -> ModelFamilies.random(Gpt2Config.of(50257, 1024, 768, 12, 12, 50256, 50256),
                        NDManager.newBaseManager(Devices.chosen()), 0);
        Path dir = Files.createTempDirectory("bench-rl");
        long t0 = System.nanoTime();
        PrintWriter out = spec.commandLine().getOut();
        long[] first = {-1};
        RlBench.StepWatch watch = rssEvery <= 0 ? RlBench.StepWatch.NONE : (step, seconds) -> {
            if (step % rssEvery == 0) {
                long rss = Rss.currentMb();
                if (first[0] < 0) {
                    first[0] = rss;
                }
                out.printf("step %d: RSS %d MB (%.3fx of step %d), %.1f s%n", step, rss, rss / (double) first[0],
                        rssEvery, seconds);
                out.flush();
            }
        };
        RlBench.Result r = algo.equals("ppo")
                ? RlBench.ppo(load, lora.config(42), steps, batch, promptLen, newTokens, dir, watch)
                : RlBench.dpo(load, lora.config(42), steps, batch, promptLen, newTokens, dir);
        out.printf("bench-rl %s %s model=%s batch=%d prompt=%d new=%d: %.2f s/step over %d steps, peak RSS %d MB,"
                        + " %d trainable parameters, %.0f s in all%n", r.algo(), r.mode(),
                model == null ? "gpt2-124m(random)" : model, batch, promptLen, newTokens, r.secondsPerStep(), r.steps(),
                Rss.peakMb(), r.trainable(), (System.nanoTime() - t0) / 1e9);
        return 0;
    }
}

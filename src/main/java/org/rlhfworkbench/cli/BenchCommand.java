package org.rlhfworkbench.cli;

import ai.djl.ndarray.NDManager;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.rlhfworkbench.lm.LanguageModel;
import org.rlhfworkbench.lm.Devices;
import org.rlhfworkbench.lm.LanguageModels;
import org.rlhfworkbench.lm.bench.BenchResult;
import org.rlhfworkbench.lm.bench.LmBench;
import org.rlhfworkbench.lm.model.CausalLm;
import org.rlhfworkbench.lm.bench.BenchShapes;
import org.rlhfworkbench.lm.bench.ReferenceBench;
import org.rlhfworkbench.lm.family.HfConfig;
import org.rlhfworkbench.lm.family.ModelFamilies;
import org.rlhfworkbench.lm.io.ModelConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * `rlhf bench [--model DIR | --shape NAME] --what load|train|generate|all [--reference] [--json]`: load time,
 * throughput and peak memory; with --reference the same model and work in PyTorch eager, side by side.
 */
@Command(name = "bench", description = "Training and generation tokens/s and peak RSS, each with an in-run reference."
        + " Without --model: random weights of --shape (default toy: GPT-2, 4 layers, n_embd 256, 4 heads,"
        + " context 256, vocab 8192).")
final class BenchCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--model", paramLabel = "DIR", description = "HF model folder (default: the reference config)")
    Path model;

    @Option(names = "--shape", defaultValue = BenchShapes.TOY,
            description = "random weights of a named shape when no --model: toy, gpt2-124m, qwen2.5-0.5b (default ${DEFAULT-VALUE})")
    String shape;

    @Option(names = "--reference", description = "also run the same model and work in PyTorch eager (python3 + torch;"
            + " skipped with a message when absent) and print ours, torch and the ratio: training tokens/s,"
            + " sampling tokens/s (--k samples of one prompt; --prompts prompts) and peak RSS")
    boolean reference;

    @Option(names = "--k", defaultValue = "8", description = "--reference: samples of one prompt (default ${DEFAULT-VALUE})")
    int k;

    @Option(names = "--prompts", defaultValue = "8", description = "--reference: different prompts (default ${DEFAULT-VALUE})")
    int prompts;

    @Option(names = "--reps", defaultValue = "3", description = "--reference: sampling runs, the median is printed (default ${DEFAULT-VALUE})")
    int reps;

    @Option(names = "--what", defaultValue = "all", description = "load, train, generate or all (default ${DEFAULT-VALUE}); load needs --model")
    String what;

    @Option(names = "--batch", defaultValue = "8", description = "sequences per step (default ${DEFAULT-VALUE})")
    int batch;

    @Option(names = "--ctx", defaultValue = "256", description = "training context length (default ${DEFAULT-VALUE})")
    int ctx;

    @Option(names = "--steps", defaultValue = "10", description = "timed training steps (default ${DEFAULT-VALUE})")
    int steps;

    @Option(names = "--new-tokens", defaultValue = "128", description = "tokens generated per sequence (default ${DEFAULT-VALUE})")
    int newTokens;

    @Option(names = "--json", description = "print the results as JSON")
    boolean json;

    @Override
    public Integer call() throws Exception {
        if (!List.of("load", "train", "generate", "all").contains(what)) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--what must be load, train, generate or all");
        }
        List<BenchResult> results = new ArrayList<>();
        if (reference) {
            printComparison(compare());
            return 0;
        }
        if (what.equals("load")) {
            if (model == null) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--what load needs --model DIR");
            }
            results.add(LmBench.load(model));
            print(results);
            return 0;
        }
        try (Loaded m = load()) {
            LmBench bench = new LmBench(m.lm);
            if (!what.equals("train")) {
                results.add(bench.generate(batch, 16, newTokens, Math.min(newTokens, 32)));
            }
            if (!what.equals("generate")) {
                results.add(bench.train(batch, Math.min(ctx, m.lm.shape().maxPositions()), 2, steps));
            }
        }
        print(results);
        return 0;
    }

    private void print(List<BenchResult> results) throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(results));
            return;
        }
        for (BenchResult r : results) {
            out.println("== bench " + r.what() + " ==");
            r.config().forEach((k, v) -> out.printf("  %-26s %s%n", k, v));
            for (Map.Entry<String, Double> f : r.figures().entrySet()) {
                out.printf("  %-26s %.3f%n", f.getKey(), f.getValue());
            }
        }
    }

    private Loaded load() {
        if (model != null) {
            LanguageModel lm = LanguageModels.load(model);
            return new Loaded(lm.model(), lm);
        }
        return new Loaded(randomShape(), null);
    }

    private CausalLm randomShape() {
        ModelConfig config = shapeConfig();
        return ModelFamilies.random(config, NDManager.newBaseManager(Devices.chosen()), 0);
    }

    private ModelConfig shapeConfig() {
        try {
            return BenchShapes.of(shape);
        } catch (IllegalArgumentException e) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    /** The reference first (our model not yet loaded), then ours; --what limits nothing here. */
    private ReferenceBench.Comparison compare() throws Exception {
        int threads = Integer.getInteger("ai.djl.pytorch.num_threads", Runtime.getRuntime().availableProcessors());
        ReferenceBench.Work work = new ReferenceBench.Work(batch, ctx, 1, steps, k, prompts, 16, newTokens, reps,
                threads);
        if (model != null) {
            return ReferenceBench.run(model, () -> load().lm(), work);
        }
        Path folder = Files.createTempDirectory("rlhf-bench-shape");
        try {
            HfConfig.write(folder, shapeConfig());  // config only: the reference draws its own random weights
            return ReferenceBench.run(folder, this::randomShape, work);
        } finally {
            Files.deleteIfExists(folder.resolve("config.json"));
            Files.deleteIfExists(folder);
        }
    }

    private void printComparison(ReferenceBench.Comparison c) throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(c));
            return;
        }
        out.println("== bench --reference (" + (model != null ? model : "shape " + shape) + ") ==");
        c.config().forEach((key, v) -> out.printf("  %-36s %s%n", key, v));
        if (c.skipped() != null) {
            out.println("  " + c.skipped());
        }
        out.printf("  %-36s %12s %12s %8s%n", "figure", "ours", "torch", "ratio");
        for (ReferenceBench.Line l : c.lines()) {
            out.printf("  %-36s %12.1f %12.1f %8.2f%n", l.figure(), l.ours(), l.torch(), l.ratio());
        }
    }

    private record Loaded(CausalLm lm, LanguageModel owner) implements AutoCloseable {
        @Override
        public void close() {
            if (owner != null) {
                owner.close();
            } else {
                lm.close();
            }
        }
    }
}

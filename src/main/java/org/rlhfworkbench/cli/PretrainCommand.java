package org.rlhfworkbench.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.rlhfworkbench.train.pretrain.PretrainConfig;
import org.rlhfworkbench.train.pretrain.PretrainListener;
import org.rlhfworkbench.train.pretrain.PretrainResult;
import org.rlhfworkbench.train.pretrain.Pretrainer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** `rlhf pretrain --corpus FILE --out DIR [--preset tiny|small]`: a GPT-2 from scratch, as an HF folder. */
@Command(name = "pretrain", description = "Train a BPE tokenizer and a GPT-2 model from scratch on a text corpus"
        + " (documents separated by blank lines); writes a Hugging Face folder.")
final class PretrainCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--corpus", required = true, paramLabel = "FILE", description = "UTF-8 text corpus")
    Path corpus;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "output model folder")
    Path out;

    @Option(names = "--preset", defaultValue = "tiny", description = "tiny or small (default ${DEFAULT-VALUE})")
    String preset;

    @Option(names = "--steps", description = "optimiser steps (default: the preset's)")
    Integer steps;

    @Option(names = "--seed", description = "seed for init, data order and split (default: the preset's)")
    Long seed;

    @Override
    public Integer call() throws Exception {
        PretrainConfig cfg;
        try {
            cfg = PretrainConfig.preset(preset);
        } catch (IllegalArgumentException e) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        cfg = steps == null ? cfg : cfg.withSteps(steps);
        cfg = seed == null ? cfg : cfg.withSeed(seed);
        String text;
        try {
            text = Files.readString(corpus, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("corpus " + corpus + " does not exist");
        }
        PrintWriter o = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        o.println("pretrain " + cfg);
        PretrainResult r = new Pretrainer(cfg, new Progress(err)).run(text, out);
        err.println();
        o.println("loss curve (step, train loss, validation loss):");
        for (float[] c : r.curve()) {
            o.printf("  %6d  %7.4f  %7.4f%n", (int) c[0], c[1], c[2]);
        }
        o.printf("wrote %s in %.0f s (final loss %.4f, validation %.4f)%n", r.folder(), r.seconds(), r.finalLoss(),
                r.validationLoss());
        return 0;
    }

    /** A one-line progress bar on stderr, redrawn at most every 250 ms. */
    private static final class Progress implements PretrainListener {
        private final PrintWriter err;
        private long last;

        Progress(PrintWriter err) {
            this.err = err;
        }

        @Override
        public void onStep(long step, int total, float loss, float lr, double tps) {
            long now = System.currentTimeMillis();
            if (now - last < 250 && step < total) {
                return;
            }
            last = now;
            int width = 30;
            int done = (int) (width * step / total);
            double eta = (total - step) * (double) (now - startMillis(now, step)) / Math.max(1, step) / 1000;
            err.printf("\r[%s%s] %d/%d loss %.4f lr %.2e %.0f tok/s ETA %.0fs   ", "#".repeat(done),
                    ".".repeat(width - done), step, total, loss, lr, tps, eta);
            err.flush();
        }

        private long start;

        private long startMillis(long now, long step) {
            if (step <= 1 || start == 0) {
                start = now;
            }
            return start;
        }

        @Override
        public void onMessage(String message) {
            err.println(message);
        }
    }
}

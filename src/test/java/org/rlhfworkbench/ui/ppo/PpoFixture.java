package org.rlhfworkbench.ui.ppo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.rlhfworkbench.cli.RlhfCli;
import org.rlhfworkbench.jobs.SampleProjects;
import org.rlhfworkbench.core.config.PpoConfig;

/**
 * The sample project ready for PPO: 24 prompts ranked by the rubric (simulated annotator), an SFT
 * model and a reward model, each from one epoch. Built once per test JVM (about a minute) and
 * copied for each test.
 */
public final class PpoFixture {
    /** Three small steps (4 episodes, one PPO epoch, 16 new tokens) with probes at every step. */
    static final PpoConfig SMALL = new PpoConfig(3, 4, 1, 1, 3e-5f, 0.7f, 16, 0.05, "k1", false, 6.0, 10000, 0.2,
            0.2, 0.1, 1.0, 0.95, 0.0, 1.0, 5.0, 1, 10, 42);
    private static Path template;

    private PpoFixture() {
    }

    /** A fresh copy of the prepared sample project inside {@code home}. */
    public static Path project(Path home) {
        Path target = home.resolve("projects").resolve(SampleProjects.NAME);
        copy(template(), target);
        return target;
    }

    private static synchronized Path template() {
        if (template == null) {
            try {
                Path home = Files.createTempDirectory("ppo-fixture");
                Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(home)));
                Path dir = SampleProjects.ensureSample(home);
                run("label", dir.toString(), "--annotator", "rubric", "--prompts", "24", "-k", "4");
                run("sft", dir.toString(), "--epochs", "1");
                run("reward", dir.toString(), "--epochs", "1");
                template = dir;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return template;
    }

    private static void delete(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException e) {
            // a leftover temp folder is harmless
        }
    }

    private static void run(String... args) {
        int code = RlhfCli.execute(args);
        if (code != 0) {
            throw new IllegalStateException("rlhf " + String.join(" ", args) + " exited with " + code);
        }
    }

    private static void copy(Path from, Path to) {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Path t = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(t);
                } else if (!f.getFileName().toString().equals("project.lock")) {
                    Files.copy(f, t);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

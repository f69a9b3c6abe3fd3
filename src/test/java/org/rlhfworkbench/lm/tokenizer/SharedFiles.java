package org.rlhfworkbench.lm.tokenizer;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/** The real files under ../shared (or -Drlhf.shared.dir); tests that need them skip without them. */
final class SharedFiles {
    private SharedFiles() {
    }

    static Path dir() {
        return Path.of(System.getProperty("rlhf.shared.dir", "../shared"));
    }

    static Path tinyGpt2() {
        Path folder = dir().resolve("models/tiny-gpt2");
        assumeTrue(Files.isRegularFile(folder.resolve("tokenizer.json")), "no tiny-gpt2 at " + folder);
        return folder;
    }

    static Path stories260K() {
        Path folder = dir().resolve("models/stories260K");
        assumeTrue(Files.isRegularFile(folder.resolve("tokenizer.json")), "no stories260K at " + folder);
        return folder;
    }

    static Path tinyShakespeare() {
        Path file = dir().resolve("data/tinyshakespeare/input.txt");
        assumeTrue(Files.isRegularFile(file), "no tinyshakespeare at " + file);
        return file;
    }
}

package org.rlhfworkbench.lm.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Resident and peak resident memory of this process from /proc (Linux); -1 elsewhere. */
public final class Rss {
    private Rss() {
    }

    public static long currentMb() {
        return field("VmRSS:");
    }

    public static long peakMb() {
        return field("VmHWM:");
    }

    private static long field(String name) {
        Path status = Path.of("/proc/self/status");
        if (!Files.isReadable(status)) {
            return -1;
        }
        try {
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith(name)) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
                }
            }
        } catch (IOException e) {
            return -1;
        }
        return -1;
    }
}

package org.rlhfworkbench.jobs.cluster;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.DoubleConsumer;
import java.util.stream.Stream;

/** Copies the plain files of a model folder, reporting the fraction of bytes copied. */
public final class FolderCopy {
    private static final int BUFFER = 1 << 20;

    private FolderCopy() {
    }

    /** Copies every regular file of {@code from} into {@code to} (created); {@code progress} gets 0..1. */
    public static void copy(Path from, Path to, DoubleConsumer progress) throws IOException {
        Files.createDirectories(to);
        List<Path> files;
        try (Stream<Path> list = Files.list(from)) {
            files = list.filter(Files::isRegularFile).sorted().toList();
        }
        long total = 0;
        for (Path f : files) {
            total += Files.size(f);
        }
        long done = 0;
        byte[] buf = new byte[BUFFER];
        for (Path f : files) {
            try (InputStream in = Files.newInputStream(f); OutputStream out = Files.newOutputStream(to.resolve(f.getFileName()))) {
                int n;
                while ((n = in.read(buf)) > 0) {
                    out.write(buf, 0, n);
                    done += n;
                    progress.accept(total == 0 ? 1.0 : (double) done / total);
                }
            }
        }
    }
}

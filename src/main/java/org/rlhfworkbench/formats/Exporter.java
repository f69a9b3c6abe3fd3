package org.rlhfworkbench.formats;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.rlhfworkbench.store.Project;

/**
 * Writes project data in the formats other tools read. The file is written under a temporary
 * name and renamed, so a failed export never leaves a truncated file behind.
 */
public final class Exporter {
    static final ObjectMapper JSON = new ObjectMapper();

    private Exporter() {
    }

    /** Exports and returns the number of lines written. */
    public static int export(Project project, Path file, ExportFormat format) {
        Path abs = file.toAbsolutePath();
        Path tmp = abs.resolveSibling("." + abs.getFileName() + ".tmp");
        List<ObjectNode> lines = switch (format) {
            case TRL -> new PreferenceLines(project).trl();
            case OPENRLHF -> new PreferenceLines(project).openrlhf();
            case HH -> new PreferenceLines(project).hh();
            case RLHFLOW -> new PreferenceLines(project).rlhflow();
            case SFT -> SimpleLines.sft(project);
            case PROMPTS -> SimpleLines.prompts(project);
        };
        try {
            if (abs.getParent() != null) {
                Files.createDirectories(abs.getParent());
            }
            try (Writer w = TextFiles.writer(tmp.resolveSibling(tmp.getFileName() + gzSuffix(abs)))) {
                for (ObjectNode line : lines) {
                    w.write(JSON.writeValueAsString(line));
                    w.write('\n');
                }
            }
            Files.move(tmp.resolveSibling(tmp.getFileName() + gzSuffix(abs)), abs,
                    StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return lines.size();
        } catch (IOException e) {
            throw new ImportException("cannot write " + abs + ": " + e.getMessage());
        }
    }

    private static String gzSuffix(Path file) {
        return file.getFileName().toString().endsWith(".gz") ? ".gz" : "";
    }
}

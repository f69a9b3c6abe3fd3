package org.rlhfworkbench.formats;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleConsumer;
import org.rlhfworkbench.formats.Records.PromptIn;
import org.rlhfworkbench.formats.Records.PromptOnly;
import org.rlhfworkbench.formats.Records.RecordIn;
import org.rlhfworkbench.store.Project;

/**
 * Reads a whole file first, then writes it in one transaction: a malformed line rejects the
 * import with file, line and reason before anything is written; with skip-bad the bad lines
 * are reported and the rest imported. Never a half-import.
 */
public final class Importer {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Importer() {
    }

    public static ImportReport importFile(Project project, Path file, ImportFormat format, boolean skipBad) {
        return importFile(project, file, format, skipBad, f -> { });
    }

    /** Like {@link #importFile(Project, Path, ImportFormat, boolean)}; {@code progress} gets the fraction of the file read. */
    public static ImportReport importFile(Project project, Path file, ImportFormat format, boolean skipBad,
                                          DoubleConsumer progress) {
        try (InputStream in = new CountingStream(Files.newInputStream(file), Files.size(file), progress)) {
            return importStream(project, file.toString(), in, format, skipBad);
        } catch (NoSuchFileException e) {
            throw new ImportException("cannot read " + file + ": no such file");
        } catch (IOException e) {
            throw new ImportException("cannot read " + file + ": " + e.getMessage());
        }
    }

    public static ImportReport importStream(Project project, String fileName, InputStream in, ImportFormat format,
                                            boolean skipBad) {
        Parsed parsed = parse(fileName, in, format);
        List<RecordIn> records = parsed.records();
        List<BadLine> bad = parsed.bad();
        if (!bad.isEmpty() && !skipBad) {
            throw new ImportException(bad.get(0), bad.size() - 1);
        }
        if (records.isEmpty()) {
            throw new ImportException(fileName + ": no records found; nothing was imported");
        }
        return project.db().inTransaction(() -> new RecordWriter(project, "import:" + shortName(fileName))
                .writeAll(records, fileName, bad));
    }

    /**
     * Reads the whole file as the import would, writing nothing: the count of good and bad lines,
     * every bad line with its reason, and the first {@code first} records as one line each.
     */
    public static ImportPreview preview(Path file, ImportFormat format, int first) {
        try (InputStream in = Files.newInputStream(file)) {
            Parsed parsed = parse(file.toString(), in, format);
            List<String> shown = parsed.records().stream().limit(first).map(RecordText::describe).toList();
            return new ImportPreview(parsed.records().size(), parsed.bad(), shown);
        } catch (NoSuchFileException e) {
            throw new ImportException("cannot read " + file + ": no such file");
        } catch (IOException e) {
            throw new ImportException("cannot read " + file + ": " + e.getMessage());
        }
    }

    private record Parsed(List<RecordIn> records, List<BadLine> bad) {
    }

    /** One pass over the lines: each parsed into a record or reported as a bad line. */
    private static Parsed parse(String fileName, InputStream in, ImportFormat format) {
        List<RecordIn> records = new ArrayList<>();
        List<BadLine> bad = new ArrayList<>();
        boolean txt = format == ImportFormat.PROMPTS && fileName.matches("(?i).*\\.txt(\\.gz)?$");
        try (TextFiles.Lines lines = new TextFiles.Lines(in)) {
            while (true) {
                String line;
                try {
                    line = lines.next();
                } catch (LineError e) {
                    bad.add(new BadLine(fileName, lines.number(), e.getMessage()));
                    continue;
                }
                if (line == null) {
                    break;
                }
                long n = lines.number();
                if (line.isBlank()) {
                    continue;
                }
                try {
                    records.add(txt ? new PromptOnly(PromptIn.plain(line)) : parseLine(format, line));
                } catch (LineError e) {
                    bad.add(new BadLine(fileName, n, e.getMessage()));
                }
            }
        } catch (IOException | UncheckedIOException e) {
            throw new ImportException("cannot read " + fileName + ": " + e.getMessage() + "; nothing was imported");
        }
        return new Parsed(records, bad);
    }

    private static RecordIn parseLine(ImportFormat format, String line) {
        JsonNode node;
        try {
            node = JSON.readTree(line);
        } catch (JsonProcessingException e) {
            throw new LineError("invalid JSON: " + e.getOriginalMessage());
        }
        return RecordParsers.parse(format, node);
    }

    private static String shortName(String fileName) {
        return Path.of(fileName).getFileName().toString();
    }
}

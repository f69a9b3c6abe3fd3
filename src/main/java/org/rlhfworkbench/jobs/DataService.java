package org.rlhfworkbench.jobs;

import java.nio.file.Path;
import java.util.function.DoubleConsumer;
import org.rlhfworkbench.formats.ExportFormat;
import org.rlhfworkbench.formats.Exporter;
import org.rlhfworkbench.formats.ImportFormat;
import org.rlhfworkbench.formats.ImportPreview;
import org.rlhfworkbench.formats.ImportReport;
import org.rlhfworkbench.formats.Importer;

/**
 * The import and export dialogs' work: the same {@link Importer} and {@link Exporter} as
 * {@code rlhf import} / {@code rlhf export} (whole file checked first, one transaction, export
 * renamed into place), plus a preview. Blocking; an import goes to the change feed.
 */
public final class DataService {
    public static final int PREVIEW_RECORDS = 5;
    private final ProjectService projects;

    public DataService(ProjectService projects) {
        this.projects = projects;
    }

    public ImportPreview preview(Path file, ImportFormat format) {
        return Importer.preview(file, format, PREVIEW_RECORDS);
    }

    public ImportReport importFile(Path file, ImportFormat format, boolean skipBad, DoubleConsumer progress) {
        ImportReport report = Importer.importFile(projects.project(), file, format, skipBad, progress);
        projects.changed(ProjectChange.DATA);
        return report;
    }

    /** Returns the number of lines written. */
    public int export(Path file, ExportFormat format) {
        return Exporter.export(projects.project(), file, format);
    }
}

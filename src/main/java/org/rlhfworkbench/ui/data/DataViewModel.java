package org.rlhfworkbench.ui.data;

import java.nio.file.Path;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.rlhfworkbench.formats.BadLine;
import org.rlhfworkbench.formats.ExportFormat;
import org.rlhfworkbench.formats.ImportFormat;
import org.rlhfworkbench.jobs.BackgroundExecutor;
import org.rlhfworkbench.jobs.DataService;
import org.rlhfworkbench.jobs.ProjectService;

/**
 * The import and export dialogs' state. Choosing a file or a format previews it (first records,
 * good and bad line counts, each bad line's reason) without writing; Import is possible when the
 * file has good lines and either no bad ones or "skip bad lines" is on. Holds no nodes; the
 * read progress arrives through {@link #drain()}.
 */
public final class DataViewModel {
    static final int MAX_BAD_SHOWN = 200;

    private final BackgroundExecutor executor;
    private final DataService service;
    private final ObjectProperty<Path> file = new SimpleObjectProperty<>(this, "file");
    private final ObjectProperty<ImportFormat> format = new SimpleObjectProperty<>(this, "format", ImportFormat.PROMPTS);
    private final BooleanProperty skipBad = new SimpleBooleanProperty(this, "skipBad");
    private final IntegerProperty good = new SimpleIntegerProperty(this, "good");
    private final IntegerProperty badCount = new SimpleIntegerProperty(this, "badCount");
    private final ObservableList<String> preview = FXCollections.observableArrayList();
    private final ObservableList<String> bad = FXCollections.observableArrayList();
    private final StringProperty statusLine = new SimpleStringProperty(this, "statusLine", "");
    private final BooleanProperty error = new SimpleBooleanProperty(this, "error");
    private final BooleanProperty busy = new SimpleBooleanProperty(this, "busy");
    private final DoubleProperty progress = new SimpleDoubleProperty(this, "progress");
    private final ObjectProperty<ExportFormat> exportFormat = new SimpleObjectProperty<>(this, "exportFormat", ExportFormat.TRL);
    private final BooleanBinding canImport = Bindings.createBooleanBinding(() -> file.get() != null && !busy.get()
            && good.get() > 0 && (badCount.get() == 0 || skipBad.get()), file, busy, good, badCount, skipBad);
    private volatile double read;
    private int previewGeneration;

    public DataViewModel(BackgroundExecutor executor, ProjectService projects) {
        this.executor = executor;
        this.service = new DataService(projects);
        file.addListener((obs, old, now) -> preview());
        format.addListener((obs, old, now) -> preview());
    }

    /** Reads the chosen file in the chosen format, writing nothing; called when either changes. */
    public void preview() {
        Path f = file.get();
        ImportFormat fmt = format.get();
        int mine = ++previewGeneration;
        good.set(0);
        badCount.set(0);
        preview.clear();
        bad.clear();
        if (f == null) {
            return;
        }
        busy.set(true);
        status("Reading " + f.getFileName() + " as " + fmt.cliName() + "…", false);
        executor.submit("Previewing " + f, () -> service.preview(f, fmt), p -> {
            if (mine != previewGeneration) {
                return;
            }
            busy.set(false);
            good.set(p.good());
            badCount.set(p.bad().size());
            preview.setAll(p.first());
            bad.setAll(p.bad().stream().limit(MAX_BAD_SHOWN).map(b -> "line " + b.line() + ": " + b.reason()).toList());
            status(p.good() + " good lines, " + p.bad().size() + " bad lines"
                    + (p.bad().isEmpty() ? "" : skipBad.get() ? "; the bad ones will be skipped"
                    : "; tick \"Skip bad lines\" to import the good ones"), !p.bad().isEmpty());
        }, e -> {
            if (mine == previewGeneration) {
                busy.set(false);
                status(message(e), true);
            }
        });
    }

    /** Imports the previewed file in one transaction; nothing is written if it is refused. */
    public void importFile() {
        if (!canImport.get()) {
            return;
        }
        Path f = file.get();
        ImportFormat fmt = format.get();
        boolean skip = skipBad.get();
        busy.set(true);
        read = 0;
        progress.set(0);
        status("Importing " + f.getFileName() + "…", false);
        executor.submit("Importing " + f, () -> service.importFile(f, fmt, skip, x -> read = x), report -> {
            busy.set(false);
            progress.set(1);
            status("Imported " + report.summary(), false);
        }, e -> {
            busy.set(false);
            progress.set(0);
            status(message(e), true);
        });
    }

    /** Writes the project's data as {@link #exportFormatProperty()} to {@code target} (renamed into place when complete). */
    public void export(Path target) {
        ExportFormat fmt = exportFormat.get();
        busy.set(true);
        status("Writing " + target + "…", false);
        executor.submit("Exporting " + target, () -> service.export(target, fmt), n -> {
            busy.set(false);
            status("Wrote " + n + " " + fmt.cliName() + " lines to " + target, false);
        }, e -> {
            busy.set(false);
            status(message(e), true);
        });
    }

    /** Moves the import's read progress into {@link #progressProperty()}; call on each pulse. */
    public void drain() {
        if (busy.get()) {
            progress.set(read);
        }
    }

    private void status(String text, boolean isError) {
        statusLine.set(text);
        error.set(isError);
    }

    private static String message(Throwable e) {
        return e.getMessage() == null ? e.toString() : e.getMessage();
    }

    public List<ImportFormat> formats() {
        return List.of(ImportFormat.values());
    }

    public List<ExportFormat> exportFormats() {
        return List.of(ExportFormat.values());
    }

    public ObjectProperty<Path> fileProperty() {
        return file;
    }

    public ObjectProperty<ImportFormat> formatProperty() {
        return format;
    }

    public ObjectProperty<ExportFormat> exportFormatProperty() {
        return exportFormat;
    }

    public BooleanProperty skipBadProperty() {
        return skipBad;
    }

    public IntegerProperty goodProperty() {
        return good;
    }

    public IntegerProperty badCountProperty() {
        return badCount;
    }

    /** The first records, one line each. */
    public ObservableList<String> firstRecords() {
        return preview;
    }

    /** Bad lines as "line N: reason" (at most {@value #MAX_BAD_SHOWN}). */
    public ObservableList<String> badLines() {
        return bad;
    }

    public BooleanBinding canImportProperty() {
        return canImport;
    }

    public StringProperty statusLineProperty() {
        return statusLine;
    }

    public BooleanProperty errorProperty() {
        return error;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    public DoubleProperty progressProperty() {
        return progress;
    }
}

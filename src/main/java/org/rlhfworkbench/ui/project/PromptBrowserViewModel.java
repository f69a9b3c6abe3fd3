package org.rlhfworkbench.ui.project;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.LongConsumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.rlhfworkbench.core.Message;
import org.rlhfworkbench.core.PromptFilter;
import org.rlhfworkbench.jobs.BackgroundExecutor;
import org.rlhfworkbench.jobs.ProjectService;
import org.rlhfworkbench.jobs.PromptBrowserService;

/**
 * The prompt browser's state: a search text and a status filter, the matching prompts, the count
 * per status, the chosen prompt's turns. It reads again whenever the search or filter changes and
 * on every change in the project's feed (labels, imports, another project). Opening a prompt
 * tells the open listeners (the Label tab). Holds no nodes.
 */
public final class PromptBrowserViewModel {
    private final BackgroundExecutor executor;
    private final PromptBrowserService service;
    private final StringProperty search = new SimpleStringProperty(this, "search", "");
    private final ObjectProperty<PromptFilter> filter = new SimpleObjectProperty<>(this, "filter", PromptFilter.ALL);
    private final ObservableList<PromptRow> rows = FXCollections.observableArrayList();
    private final Map<PromptFilter, LongProperty> counts = new EnumMap<>(PromptFilter.class);
    private final ObservableList<Message> selectedTurns = FXCollections.observableArrayList();
    private final StringProperty statusLine = new SimpleStringProperty(this, "statusLine", "");
    private final List<LongConsumer> openListeners = new CopyOnWriteArrayList<>();
    private final BooleanProperty loading = new SimpleBooleanProperty(this, "loading");
    private int generation;
    private int selectGeneration;

    public PromptBrowserViewModel(BackgroundExecutor executor, ProjectService projects) {
        this.executor = executor;
        this.service = new PromptBrowserService(projects);
        for (PromptFilter f : PromptFilter.values()) {
            counts.put(f, new SimpleLongProperty(this, f.name()));
        }
        search.addListener((obs, old, now) -> refresh());
        filter.addListener((obs, old, now) -> refresh());
        // the feed speaks on the thread that made the change: back to the UI thread first
        projects.addListener(change -> executor.submit("Prompt browser: " + change, () -> change, c -> refresh(), e -> { }));
    }

    /** Reads the prompts again; a result overtaken by a newer read is dropped. UI thread. */
    public void refresh() {
        int mine = ++generation;
        loading.set(true);
        String text = search.get();
        PromptFilter f = filter.get();
        executor.submit("Reading the prompts", () -> service.browse(text, f), page -> {
            if (mine != generation) {
                return;
            }
            loading.set(false);
            rows.setAll(page.rows().stream().map(PromptRow::of).toList());
            counts.forEach((k, v) -> v.set(page.counts().getOrDefault(k, 0L)));
            statusLine.set(page.truncated() ? "Showing the first " + page.rows().size() + " of "
                    + page.counts().get(f) + "; narrow the search to see the rest." : "");
        }, e -> {
            if (mine == generation) {
                loading.set(false);
                rows.clear();
                counts.values().forEach(v -> v.set(0));
                statusLine.set(e.getMessage() == null ? e.toString() : e.getMessage());
            }
        });
    }

    /** Shows the chosen prompt's turns below the list (null: none chosen). */
    public void select(PromptRow row) {
        int mine = ++selectGeneration;
        if (row == null) {
            selectedTurns.clear();
            return;
        }
        executor.submit("Reading prompt " + row.id(), () -> service.turns(row.id()), turns -> {
            if (mine == selectGeneration) {
                selectedTurns.setAll(turns);
            }
        }, e -> {
            if (mine == selectGeneration) {
                selectedTurns.clear();
            }
        });
    }

    /** Opens the prompt in the Label tab (every open listener hears it). */
    public void open(PromptRow row) {
        if (row != null) {
            openListeners.forEach(l -> l.accept(row.id()));
        }
    }

    /** {@code listener} gets the id of each prompt the user opens; called on the UI thread. */
    public void addOpenListener(LongConsumer listener) {
        openListeners.add(listener);
    }

    public StringProperty searchProperty() {
        return search;
    }

    public ObjectProperty<PromptFilter> filterProperty() {
        return filter;
    }

    public ObservableList<PromptRow> rows() {
        return rows;
    }

    /** Prompts matching the search that pass {@code f}. */
    public ReadOnlyLongProperty countProperty(PromptFilter f) {
        return counts.get(f);
    }

    /** The chosen prompt as turns (a conversation's messages, or one user turn). */
    public ObservableList<Message> selectedTurns() {
        return selectedTurns;
    }

    /** True while a read is on its way (the list may be stale or not read yet). */
    public ReadOnlyBooleanProperty loadingProperty() {
        return loading;
    }

    /** Empty, or why the list is short (truncated, or the read failed). */
    public ReadOnlyStringProperty statusLineProperty() {
        return statusLine;
    }

    public List<PromptFilter> filters() {
        return List.of(PromptFilter.values());
    }
}

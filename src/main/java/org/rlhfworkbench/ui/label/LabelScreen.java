package org.rlhfworkbench.ui.label;

import java.util.Locale;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.rlhfworkbench.core.Message;
import org.rlhfworkbench.jobs.label.LabelProgress;
import org.rlhfworkbench.jobs.label.LabelSettings;

/**
 * What the labeling view shows around the cards: the phase and its empty-state text, the prompt,
 * the project's guidelines and rating criteria, progress, and the simulated-annotator note.
 */
public final class LabelScreen {
    private final ObjectProperty<Phase> phase = new SimpleObjectProperty<>(this, "phase", Phase.NO_PROJECT);
    private final StringProperty emptyTitle = new SimpleStringProperty(this, "emptyTitle", "");
    private final StringProperty emptyDetail = new SimpleStringProperty(this, "emptyDetail", "");
    private final StringProperty prompt = new SimpleStringProperty(this, "prompt", "");
    private final ObservableList<Message> turns = FXCollections.observableArrayList();
    /** One wrapper, kept: a wrapper listens to its list weakly, so a new one per call would lose its listeners. */
    private final ObservableList<Message> turnsView = FXCollections.unmodifiableObservableList(turns);
    private final StringProperty reopened = new SimpleStringProperty(this, "reopened", "");
    private final StringProperty progress = new SimpleStringProperty(this, "progress", "");
    private final StringProperty guidelines = new SimpleStringProperty(this, "guidelines", "");
    private final StringProperty simulatedNote = new SimpleStringProperty(this, "simulatedNote", "");
    private final BooleanProperty ratingsEnabled = new SimpleBooleanProperty(this, "ratingsEnabled");
    private final ObservableList<String> criteria = FXCollections.observableArrayList();
    private final StringProperty rankingSummary = new SimpleStringProperty(this, "rankingSummary", "");
    private final StringProperty message = new SimpleStringProperty(this, "message", "");
    private final BooleanProperty helpVisible = new SimpleBooleanProperty(this, "helpVisible");

    void show(Phase next, String title, String detail) {
        emptyTitle.set(title);
        emptyDetail.set(detail);
        phase.set(next);
    }

    /** Forgets the previous project's prompt, settings and progress. */
    void clear() {
        prompt.set("");
        turns.clear();
        reopened.set("");
        progress.set("");
        guidelines.set("");
        simulatedNote.set("");
        criteria.clear();
        ratingsEnabled.set(false);
    }

    void showPrompt(String text) {
        showPrompt(text, java.util.List.of(Message.user(text)));
    }

    /** A prompt with its turns (a conversation's messages, or one user turn). */
    void showPrompt(String text, java.util.List<Message> promptTurns) {
        prompt.set(text);
        turns.setAll(promptTurns);
        phase.set(Phase.LABELING);
    }

    void finished() {
        prompt.set("");
        turns.clear();
        show(Phase.FINISHED, "Every prompt is labeled", progress.get().isEmpty() ? "Add prompts to label more."
                : progress.get() + ". Add prompts to label more, or reopen a decision from the history.");
    }

    void applySettings(LabelSettings settings) {
        criteria.setAll(settings.criteria());
        ratingsEnabled.set(settings.ratingsEnabled() && !settings.criteria().isEmpty());
        guidelines.set(settings.guidelinesMarkdown() == null ? "" : settings.guidelinesMarkdown());
        simulatedNote.set(settings.simulatedNote() == null ? "" : settings.simulatedNote());
    }

    void setProgress(LabelProgress value) {
        progress.set(format(value));
    }

    /** "12 / 40 prompts labeled · 30 pairs · 85 per hour". */
    static String format(LabelProgress p) {
        return String.format(Locale.ROOT, "%,d / %,d prompts labeled · %,d pairs · %.0f per hour",
                p.labeled(), p.total(), p.pairs(), p.perHour());
    }

    void setReopened(String note) {
        reopened.set(note);
    }

    void setMessage(String text) {
        message.set(text);
    }

    void setRankingSummary(String text) {
        rankingSummary.set(text);
    }

    BooleanProperty helpVisible() {
        return helpVisible;
    }

    /** Card numbers best first, e.g. "3 > 1 = 2". */
    public ReadOnlyStringProperty rankingSummaryProperty() {
        return rankingSummary;
    }

    /** What just happened, or what the pending key waits for. */
    public ReadOnlyStringProperty messageProperty() {
        return message;
    }

    public ReadOnlyBooleanProperty helpVisibleProperty() {
        return helpVisible;
    }

    public ReadOnlyObjectProperty<Phase> phaseProperty() {
        return phase;
    }

    public ReadOnlyStringProperty emptyTitleProperty() {
        return emptyTitle;
    }

    public ReadOnlyStringProperty emptyDetailProperty() {
        return emptyDetail;
    }

    public ReadOnlyStringProperty promptProperty() {
        return prompt;
    }

    /** The shown prompt as turns: more than one for a conversation, whose last user turn the answers reply to. */
    public ObservableList<Message> promptTurns() {
        return turnsView;
    }

    /** Non-empty while a reopened earlier decision is shown. */
    public ReadOnlyStringProperty reopenedProperty() {
        return reopened;
    }

    public ReadOnlyStringProperty progressProperty() {
        return progress;
    }

    public ReadOnlyStringProperty guidelinesProperty() {
        return guidelines;
    }

    /** Non-empty when some labels of the project come from a simulated annotator. */
    public ReadOnlyStringProperty simulatedNoteProperty() {
        return simulatedNote;
    }

    public ReadOnlyBooleanProperty ratingsEnabledProperty() {
        return ratingsEnabled;
    }

    public ObservableList<String> criteria() {
        return FXCollections.unmodifiableObservableList(criteria);
    }
}

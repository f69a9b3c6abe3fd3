package org.rlhfworkbench.ui.label;

import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.rlhfworkbench.core.RankingStatus;
import org.rlhfworkbench.jobs.BackgroundExecutor;
import org.rlhfworkbench.jobs.label.HistoryEntry;
import org.rlhfworkbench.jobs.label.LabelDecision;
import org.rlhfworkbench.jobs.label.LabelProgress;
import org.rlhfworkbench.jobs.label.LabelSettings;
import org.rlhfworkbench.jobs.label.LabelingService;

/**
 * State and commands of the labeling view; holds no nodes. Service calls go through
 * {@link LabelFlow} on the {@link BackgroundExecutor}; streamed text waits in per-card buffers
 * until {@link #onPulse()} (the view's AnimationTimer) shows it.
 */
public final class LabelViewModel {
    static final String NO_POLICY = "No policy model";
    static final int CARDS_PER_PULSE = 3;

    private final KeySettings keySettings;
    private final KeyDispatcher dispatcher = new KeyDispatcher(this);
    private final LabelScreen screen = new LabelScreen();
    private final EditorModel editor = new EditorModel();
    private final HistoryModel history = new HistoryModel();
    private final LabelFlow flow;
    private final ObservableList<CardModel> cards = FXCollections.observableArrayList();
    private final DiffState diff = new DiffState(cards, screen);
    private final BooleanProperty allShown = new SimpleBooleanProperty(this, "allShown");
    private final GeneratorForm generator;
    private final RankingCommands ranking = new RankingCommands(() -> this.draft, screen);
    private LabelSettings settings;
    private Draft draft;
    private RankingStatus waitingStatus;
    private String waitingNote;
    private long pulses;
    private Long pendingJump;

    public LabelViewModel(BackgroundExecutor executor, KeyMapStore keyStore) {
        this.keySettings = new KeySettings(keyStore);
        this.flow = new LabelFlow(executor, new FlowScreen());
        this.generator = new GeneratorForm(executor, screen::setMessage, this::hasDraft);
        screen.show(Phase.NO_PROJECT, "No project open", "Open a project to label its prompts.");
    }

    /** Starts labeling with {@code service}; null shows the "No policy model" empty state. */
    public void open(LabelingService service) {
        Long jump = screen.phaseProperty().get() == Phase.LOADING ? pendingJump : null;  // asked for while starting
        reset();
        pendingJump = jump;
        if (service == null) {
            screen.show(Phase.NO_SERVICE, NO_POLICY, "Labeling needs a policy model to generate the responses. "
                    + "Add a base model to the project or train one, then open the project again.");
        } else {
            screen.show(Phase.LOADING, "Loading…", "Reading the project and starting generation.");
        }
        flow.open(service);
        generator.attach(service);
    }

    /** Shows an empty state (no project, starting the service, or why that failed) and drops the service. */
    public void showEmpty(Phase phase, String title, String detail) {
        reset();
        flow.open(null);
        generator.attach(null);
        screen.show(phase, title, detail);
    }

    private void reset() {
        settings = null;
        pendingJump = null;
        show(null, null, "");
        screen.clear();
        history.setAll(List.of());
        screen.setMessage("");
        screen.helpVisible().set(false);
    }

    /** Applies all streamed text to the cards at once (a new prompt, tests). */
    public void drainPending() {
        drain(true);
    }

    /**
     * One animation pulse: every card takes its queued text but shows it only every few pulses,
     * staggered by slot (at once when its response completes), so one pulse lays out at most
     * {@value #CARDS_PER_PULSE} growing texts and each card still updates at least 20 times a second.
     */
    public void onPulse() {
        pulses++;
        drain(false);
    }

    private void drain(boolean all) {
        if (draft == null) {
            return;
        }
        int stride = Math.max(2, (draft.cards().size() + CARDS_PER_PULSE - 1) / CARDS_PER_PULSE);
        boolean changed = false;
        for (CardModel card : draft.cards()) {
            changed |= card.drain(all || (pulses + card.slot()) % stride == 0);
        }
        if (changed) {
            allShown.set(draft.allDone());
            diff.refresh(draft.allDone());
        }
        if (waitingStatus != null && draft.allDone() && !flow.busy()) {
            RankingStatus status = waitingStatus;
            waitingStatus = null;
            send(status, waitingNote);
        }
    }

    /** Runs the action bound to {@code stroke}; true when the key was used (the view consumes it). */
    public boolean handleKey(KeyStroke stroke) {
        if (flow.busy() && !editor.isOpen()) {
            return keySettings.get().actionFor(stroke).isPresent();
        }
        return dispatcher.handle(stroke);
    }

    // ---- ranking (RankingCommands) ----

    /** A card's number key (or a drop on the free space): ranks it next, or ties it after the tie key. */
    public void pressCard(int slot) {
        ranking.pressCard(slot);
    }

    public void tie() {
        ranking.tie();
    }

    /** Takes back the last ranking key (or drop). */
    public void undoKey() {
        ranking.undoKey();
    }

    public void clearRanking() {
        ranking.clear();
    }

    /** Drag and drop of card {@code slot}: above {@code target}, or tied with it. */
    public void drop(int slot, int target, boolean tie) {
        ranking.drop(slot, target, tie);
    }

    // ---- decisions ----

    public void submit() {
        if (hasDraft() && draft.ranking().rankedCount() == 0) {
            screen.setMessage("Rank at least one response (press its number), or press S to skip, B if all are bad.");
        } else {
            requestSend(RankingStatus.RANKED, null);
        }
    }

    public void skip() {
        requestSend(RankingStatus.SKIPPED, null);
    }

    public void allBad() {
        requestSend(RankingStatus.ALL_BAD, null);
    }

    /** Opens the note editor; saving it submits the prompt as flagged. */
    public void flag() {
        if (hasDraft()) {
            editor.openFlag();
        }
    }

    private void requestSend(RankingStatus status, String note) {
        if (!hasDraft() || flow.busy()) {
            return;
        }
        if (draft.allDone()) {
            send(status, note);
        } else {
            waitingStatus = status;
            waitingNote = note;
            screen.setMessage("Submitting as soon as generation finishes… (Esc cancels)");
        }
    }

    private void send(RankingStatus status, String note) {
        LabelDecision decision = draft.decision(status, note, screen.ratingsEnabledProperty().get());
        String done = switch (status) {
            case RANKED -> "Saved " + draft.ranking().summary() + ".";
            case SKIPPED -> "Skipped.";
            case ALL_BAD -> "Saved: all bad.";
            case FLAGGED -> "Flagged.";
        };
        flow.submit(draft, decision, done);
    }

    /** Ctrl+Z: removes this session's last decision and shows its prompt again, as it was decided. */
    public void undoDecision() {
        if (flow.hasService() && !flow.busy()) {
            flow.undo(draft);
        }
    }

    /** Reopens an earlier decision from the history; submitting replaces it. */
    public void reopen(HistoryEntry entry) {
        if (flow.hasService() && !flow.busy() && entry != null) {
            flow.reopen(draft, entry);
        }
    }

    /**
     * Shows prompt {@code promptId} out of turn (the prompt browser): decided prompts reopen their
     * newest decision, others generate their answers; the prompt shown before comes back after it.
     * While a call runs, or the service is starting, the jump waits for it.
     */
    public void openPrompt(long promptId) {
        if (!flow.hasService() && screen.phaseProperty().get() == Phase.LOADING) {
            pendingJump = promptId;
        } else if (!flow.hasService()) {
            screen.setMessage("Prompt " + promptId + " cannot open: labeling has not started for this project.");
        } else if (flow.busy()) {
            pendingJump = promptId;
        } else {
            pendingJump = null;
            flow.jump(draft, promptId);
        }
    }

    /** Escape: stops a waiting submit, or leaves a reopened decision unchanged. */
    public void cancel() {
        if (waitingStatus != null) {
            waitingStatus = null;
            screen.setMessage("Submit cancelled.");
        } else if (hasDraft() && draft.replacing() != null && !flow.busy()) {
            flow.back();
        } else {
            screen.setMessage("");
        }
    }

    private void show(Draft next, LabelDecision earlier, String reopenedNote) {
        draft = next;
        waitingStatus = null;
        dispatcher.reset();
        editor.close();
        diff.off();
        screen.setReopened(reopenedNote);
        if (next == null) {
            cards.clear();
            allShown.set(false);
            screen.setRankingSummary("");
            if (settings != null) {
                screen.finished();
            }
            return;
        }
        drainPending();
        next.restore(earlier);
        next.cards().forEach(flow::countTokens);
        if (next.replacing() == null && earlier == null) {
            generator.promptShown();
        }
        cards.setAll(next.cards());
        allShown.set(next.allDone());
        screen.showPrompt(next.item().promptText(), next.item().turns());
        ranking.changed();
    }

    // ---- editing, ratings, diff, help ----

    /** Opens the editor on a response; the saved text is a correction of it. */
    public void edit(int slot) {
        if (hasDraft() && slot < cardCount()) {
            CardModel card = draft.cards().get(slot);
            editor.openCorrection(card);
            if (!card.doneProperty().get()) {
                screen.setMessage("Response " + card.number() + " is still generating; the editor holds the text so far.");
            }
        }
    }

    public void writeAnswer() {
        if (hasDraft()) {
            editor.openWritten(draft.writtenAnswer());
        }
    }

    /** Saves the editor's text: a correction, the written answer, or the flag note (which submits). */
    public void saveEditor() {
        EditorModel.Saved saved = hasDraft() ? editor.save(draft) : null;
        if (saved != null && saved.flag()) {
            requestSend(RankingStatus.FLAGGED, saved.note());
        } else if (saved != null) {
            diff.refresh(true);
            screen.setMessage(saved.message());
            if (saved.corrected() != null) {
                flow.countTokens(saved.corrected());
            }
        }
    }

    public void cancelEditor() {
        editor.close();
    }

    public void rate(int slot, String criterion, int value) {
        if (hasDraft() && slot < cardCount() && draft.cards().get(slot).ratings().containsKey(criterion)) {
            draft.cards().get(slot).ratings().get(criterion).set(value);
        }
    }

    public void toggleHelp() {
        screen.helpVisible().set(!screen.helpVisible().get());
    }

    // ---- read access ----

    boolean hasDraft() {
        return draft != null;
    }

    int cardCount() {
        return draft == null ? 0 : draft.cards().size();
    }

    List<String> criteria() {
        return screen.criteria();
    }

    /** The key map in use, its store and the remapping dialog. */
    public KeySettings keySettings() {
        return keySettings;
    }

    public LabelScreen screen() {
        return screen;
    }

    public EditorModel editor() {
        return editor;
    }

    public HistoryModel history() {
        return history;
    }

    /** The generating model and its settings (side panel), and the line above the cards. */
    public GeneratorForm generator() {
        return generator;
    }

    /** The current prompt's cards in the shown order. */
    public ObservableList<CardModel> cards() {
        return cards;
    }

    /** True while a service call runs (keys that would change the decision are held off). */
    public ReadOnlyBooleanProperty busyProperty() {
        return flow.busyProperty();
    }

    /** True once every card's response is complete and its text is applied. */
    public ReadOnlyBooleanProperty allShownProperty() {
        return allShown;
    }

    public DiffState diff() {
        return diff;
    }

    /** Receives the results of {@link LabelFlow} on the UI thread. */
    private final class FlowScreen implements LabelFlow.Screen {
        @Override
        public void settings(LabelSettings loaded) {
            settings = loaded;
            screen.applySettings(loaded);
        }

        @Override
        public void show(Draft next, LabelDecision earlier, String reopenedNote) {
            LabelViewModel.this.show(next, earlier, reopenedNote);
            if (pendingJump != null && !flow.busy()) {
                openPrompt(pendingJump);
            }
        }

        @Override
        public void history(List<HistoryEntry> entries, LabelProgress progress) {
            history.setAll(entries);
            screen.setProgress(progress);
        }

        @Override
        public void message(String text) {
            screen.setMessage(text);
        }

        @Override
        public void failed(String name, String text) {
            screen.setMessage(name + " failed: " + text);
            if (draft == null) {
                screen.show(Phase.ERROR, name + " failed", text);
            }
        }
    }
}

package org.rlhfworkbench.ui.label;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import org.rlhfworkbench.jobs.BackgroundExecutor;
import org.rlhfworkbench.jobs.label.HistoryEntry;
import org.rlhfworkbench.jobs.label.LabelDecision;
import org.rlhfworkbench.jobs.label.LabelItem;
import org.rlhfworkbench.jobs.label.LabelProgress;
import org.rlhfworkbench.jobs.label.LabelSettings;
import org.rlhfworkbench.jobs.label.LabelingService;

/**
 * The labeling view model's conversation with the {@link LabelingService}: every call on the
 * background executor, results back on the UI thread. Keeps the items set aside by undo and
 * reopen (they come back once the reopened item is submitted) and this session's decisions.
 */
final class LabelFlow {
    static final int HISTORY_SIZE = 10;

    /** Where results go; all calls come on the UI thread. */
    interface Screen {
        void settings(LabelSettings settings);

        /** Shows {@code draft} (null: every prompt is labeled), filled with {@code earlier} when known. */
        void show(Draft draft, LabelDecision earlier, String reopenedNote);

        void history(List<HistoryEntry> entries, LabelProgress progress);

        void message(String text);

        /** A call failed; {@code name} says which. */
        void failed(String name, String message);
    }

    /** A finished background step: the decision id, the next draft (or null), history and progress. */
    private record Step(long rankingId, Draft draft, List<HistoryEntry> history, LabelProgress progress) {
    }

    private record Loaded(LabelSettings settings, Step step) {
    }

    private final BackgroundExecutor executor;
    private final Screen screen;
    private final BooleanProperty busy = new SimpleBooleanProperty(this, "busy");
    private final Deque<Draft> setAside = new ArrayDeque<>();
    private final Deque<Long> undoable = new ArrayDeque<>();
    private final Map<Long, LabelDecision> decided = new HashMap<>();
    private LabelingService service;
    private List<String> criteria = List.of();
    private int token;

    LabelFlow(BackgroundExecutor executor, Screen screen) {
        this.executor = executor;
        this.screen = screen;
    }

    /** Forgets the previous service's state and, when {@code next} is not null, loads its first prompt. */
    void open(LabelingService next) {
        token++;
        busy.set(false);
        setAside.clear();
        undoable.clear();
        decided.clear();
        service = next;
        if (next == null) {
            return;
        }
        run("Loading the labeling queue", () -> {
            LabelSettings settings = next.settings();
            Draft first = next.next().map(item -> new Draft(item, null, settings.criteria()).attach()).orElse(null);
            return new Loaded(settings, step(next, 0, first));
        }, loaded -> {
            criteria = loaded.settings().criteria();
            screen.settings(loaded.settings());
            showStep(loaded.step(), null, "");
        });
    }

    boolean hasService() {
        return service != null;
    }

    ReadOnlyBooleanProperty busyProperty() {
        return busy;
    }

    boolean busy() {
        return busy.get();
    }

    /** Stores {@code decision} (a replacement when {@code sent} was reopened), then shows the next item. */
    void submit(Draft sent, LabelDecision decision, String doneMessage) {
        Long replacing = sent.replacing();
        boolean fetchNext = setAside.isEmpty();
        LabelingService target = service;
        List<String> names = criteria;
        screen.message("Saving…");
        run("Submitting a label", () -> {
            long id = replacing == null ? target.submit(decision) : replace(target, replacing, decision);
            Draft next = fetchNext ? target.next().map(i -> new Draft(i, null, names).attach()).orElse(null) : null;
            return step(target, id, next);
        }, step -> {
            decided.put(step.rankingId(), decision);
            if (replacing == null) {
                undoable.push(step.rankingId());
            }
            showStep(fetchNext ? step : new Step(step.rankingId(), setAside.pop(), step.history(), step.progress()),
                    null, "");
            screen.message(doneMessage);
        });
    }

    private static long replace(LabelingService target, long rankingId, LabelDecision decision) {
        target.replace(rankingId, decision);
        return rankingId;
    }

    /** Removes this session's last decision and shows its prompt again, filled in as decided. */
    void undo(Draft current) {
        Long id = undoable.peek();
        if (id == null) {
            screen.message("Nothing to undo in this session; reopen earlier decisions from the history.");
            return;
        }
        LabelingService target = service;
        List<String> names = criteria;
        run("Undoing a decision", () -> {
            LabelItem item = target.reopen(id);
            target.undo(id);
            LabelItem fresh = item.fresh();
            return step(target, id, new Draft(fresh, null, names).attach());
        }, step -> {
            undoable.pop();
            setAside(current);
            showStep(step, decided.remove(id), "");
            screen.message("Undone: change the decision and submit it again.");
        });
    }

    /** Shows an earlier decision's prompt and responses; submitting it replaces the decision. */
    void reopen(Draft current, HistoryEntry entry) {
        LabelingService target = service;
        List<String> names = criteria;
        long id = entry.rankingId();
        run("Reopening a decision", () -> new Step(id, new Draft(target.reopen(id), id, names).attach(), null, null),
                step -> {
                    setAside(current);
                    showStep(step, decided.get(id), "Changing an earlier decision (" + HistoryText.what(entry)
                            + "). Enter replaces it; Esc goes back.");
                });
    }

    /**
     * Shows prompt {@code promptId} out of turn (the prompt browser): its newest decision reopened
     * (submitting replaces it) or its answers generating; {@code current} is set aside and comes back after.
     */
    void jump(Draft current, long promptId) {
        if (current != null && current.item().promptId() == promptId) {
            screen.message("Prompt " + promptId + " is the one shown.");
            return;
        }
        LabelingService target = service;
        List<String> names = criteria;
        run("Opening prompt " + promptId, () -> {
            LabelItem item = target.open(promptId);
            return new Step(0, new Draft(item, item.rankingId(), names).attach(), null, null);
        }, step -> {
            setAside.removeIf(d -> d.item().promptId() == promptId);
            setAside(current);
            Long earlier = step.draft().replacing();
            showStep(step, earlier == null ? null : decided.get(earlier), earlier == null ? ""
                    : "Changing the earlier decision about prompt " + promptId + ". Enter replaces it; Esc goes back.");
        });
    }

    /** Leaves a reopened item unchanged: back to the item set aside, or the next one. */
    void back() {
        if (!setAside.isEmpty()) {
            screen.show(setAside.pop(), null, "");
            return;
        }
        LabelingService target = service;
        List<String> names = criteria;
        run("Loading the next prompt", () -> new Step(0, target.next()
                .map(i -> new Draft(i, null, names).attach()).orElse(null), null, null), step -> showStep(step, null, ""));
    }

    /** Counts the tokens of a card's correction off the UI thread (shown as "edited: N tokens"). */
    void countTokens(CardModel card) {
        LabelingService target = service;
        String text = card.correctionProperty().get();
        int current = token;
        if (target != null && text != null) {
            executor.submit("Counting the tokens of an edit", () -> target.countTokens(text), n -> {
                if (current == token) {
                    card.setCorrectionTokens(text, n);
                }
            }, error -> { });
        }
    }

    private void setAside(Draft current) {
        if (current != null && current.replacing() == null) {
            setAside.push(current);
        }
    }

    private static Step step(LabelingService target, long id, Draft draft) {
        return new Step(id, draft, target.history(HISTORY_SIZE), target.progress());
    }

    private void showStep(Step step, LabelDecision earlier, String note) {
        if (step.history() != null) {
            screen.history(step.history(), step.progress());
        }
        screen.show(step.draft(), earlier, note);
    }

    private <T> void run(String name, Callable<T> work, Consumer<T> done) {
        int current = token;
        busy.set(true);
        executor.submit(name, work, result -> {
            if (current == token) {
                busy.set(false);
                done.accept(result);
            }
        }, error -> {
            if (current == token) {
                busy.set(false);
                screen.failed(name, error.getMessage() == null ? error.toString() : error.getMessage());
            }
        });
    }
}

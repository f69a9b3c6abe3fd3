package org.rlhfworkbench.ui.evaluate;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
import org.rlhfworkbench.jobs.BackgroundExecutor;
import org.rlhfworkbench.jobs.eval.ArenaBackend;
import org.rlhfworkbench.jobs.eval.ArenaPair;
import org.rlhfworkbench.jobs.eval.ArenaService;
import org.rlhfworkbench.jobs.eval.ArenaSetup;
import org.rlhfworkbench.jobs.eval.Side;

/**
 * The blind arena's state machine; holds no nodes. SETUP → STARTING → JUDGING ⇄ FINISHED. The
 * pair after the shown one is fetched ahead, so a vote shows it at once while the vote is stored
 * in the background (one transaction). Undo takes the last vote back (newest first) and shows
 * its pair again. Model names appear only in {@link #results()}, refreshed after every vote.
 */
public final class ArenaViewModel {
    /** Where the screen is. */
    public enum Phase { NO_PROJECT, SETUP, STARTING, JUDGING, FINISHED }

    /** A vote the session made; {@code id} is set on the background thread once stored. */
    private static final class VoteRecord {
        final ArenaPair pair;
        volatile Long id;

        VoteRecord(ArenaPair pair) {
            this.pair = pair;
        }
    }

    private final BackgroundExecutor executor;
    private final ArenaBackend backend;
    private final ArenaSetupModel setup = new ArenaSetupModel();
    private final ObjectProperty<Phase> phase = new SimpleObjectProperty<>(this, "phase", Phase.NO_PROJECT);
    private final StringProperty prompt = new SimpleStringProperty(this, "prompt", "");
    private final StringProperty left = new SimpleStringProperty(this, "left", "");
    private final StringProperty right = new SimpleStringProperty(this, "right", "");
    private final BooleanProperty answersDone = new SimpleBooleanProperty(this, "answersDone");
    private final StringProperty status = new SimpleStringProperty(this, "status", "");
    private final StringProperty progress = new SimpleStringProperty(this, "progress", "");
    private final StringProperty reason = new SimpleStringProperty(this, "reason", "");
    private final ObservableList<CriterionVote> criteria = FXCollections.observableArrayList();
    private final ArenaResultsModel results;
    private final IntegerProperty votes = new SimpleIntegerProperty(this, "votes");
    private final DoubleProperty lastSwitchMillis = new SimpleDoubleProperty(this, "lastSwitchMillis", Double.NaN);
    private final Deque<ArenaPair> upcoming = new ArrayDeque<>();
    private final Deque<VoteRecord> voted = new ArrayDeque<>();
    private ArenaService service;
    private ArenaPair current;
    private AnswerBuffer leftBuffer = new AnswerBuffer();
    private AnswerBuffer rightBuffer = new AnswerBuffer();
    private long session;
    private boolean fetching;
    private boolean exhausted;
    private long votePressedNanos;

    public ArenaViewModel(BackgroundExecutor executor, ArenaBackend backend) {
        this.executor = executor;
        this.backend = backend;
        this.results = new ArenaResultsModel(executor, backend);
    }

    /** A project opened (or closed): ends the session and reads its models. */
    public void projectChanged() {
        closeSession();
        status.set("Reading the project's models…");
        executor.submit("arena models", backend::models, list -> {
            setup.setModels(list);
            phase.set(Phase.SETUP);
            status.set(list.size() < 2 ? "The arena needs two or more models that generate (base, SFT or policy)." : "");
            results.refresh();
        }, e -> {
            phase.set(Phase.NO_PROJECT);
            status.set("No project: " + e.getMessage());
        });
    }

    /** Plans the pairs and shows the first while the next is generated. */
    public void start() {
        ArenaSetup s;
        try {
            s = setup.toSetup();
        } catch (IllegalArgumentException e) {
            status.set(e.getMessage());
            return;
        }
        closeSession();
        long token = ++session;
        phase.set(Phase.STARTING);
        status.set("Planning " + s.prompts() + " pairs and loading the models…");
        executor.submit("open arena", () -> {
            ArenaService svc = backend.open(s);
            return new Object[] {svc, svc.criteria(), svc.next()};
        }, opened -> {
            ArenaService svc = (ArenaService) opened[0];
            if (token != session) {
                executor.submit("close stale arena", () -> { svc.close(); return null; }, x -> { }, e -> { });
                return;
            }
            service = svc;
            @SuppressWarnings("unchecked")
            List<String> names = (List<String>) opened[1];
            criteria.setAll(names.stream().map(CriterionVote::new).toList());
            @SuppressWarnings("unchecked")
            Optional<ArenaPair> first = (Optional<ArenaPair>) opened[2];
            status.set("");
            first.ifPresentOrElse(this::show, this::finish);
            ensureUpcoming();
            results.refresh();
        }, e -> {
            phase.set(Phase.SETUP);
            status.set("Cannot start the arena: " + e.getMessage());
        });
    }

    /** Back to the setup form; the session ends (votes stay stored). */
    public void stop() {
        closeSession();
        phase.set(Phase.SETUP);
        status.set(votes.get() + " votes stored this session.");
    }

    public void vote(Side verdict) {
        if (phase.get() != Phase.JUDGING || current == null) {
            return;
        }
        VoteRecord rec = new VoteRecord(current);
        Map<String, Side> perCriterion = new LinkedHashMap<>();
        criteria.stream().filter(c -> c.sideProperty().get() != null)
                .forEach(c -> perCriterion.put(c.name(), c.sideProperty().get()));
        String why = reason.get();
        ArenaService svc = service;
        voted.push(rec);
        votes.set(votes.get() + 1);
        votePressedNanos = System.nanoTime();
        executor.submit("store arena vote", () -> {
            rec.id = svc.vote(rec.pair.key(), verdict, perCriterion, why);
            return rec.id;
        }, id -> results.refresh(), e -> {
            voted.remove(rec);
            votes.set(votes.get() - 1);
            status.set("Vote not stored: " + e.getMessage());
        });
        advance();
    }

    public void skip() {
        if (phase.get() != Phase.JUDGING || current == null) {
            return;
        }
        long key = current.key();
        ArenaService svc = service;
        executor.submit("skip arena pair", () -> { svc.skip(key); return null; }, x -> { }, e -> { });
        advance();
    }

    /** Takes the last vote back and shows its pair again; the pair on screen waits its turn. */
    public void undo() {
        if (voted.isEmpty() || service == null) {
            status.set("Nothing to undo.");
            return;
        }
        VoteRecord rec = voted.pop();
        ArenaService svc = service;
        executor.submit("undo arena vote", () -> {
            if (rec.id != null) {
                svc.undo(rec.id);
            }
            return null;
        }, x -> results.refresh(), e -> status.set("Undo failed: " + e.getMessage()));
        if (current != null) {
            upcoming.addFirst(current);
        }
        votes.set(votes.get() - 1);
        show(rec.pair);
        status.set("Vote taken back: judge this pair again.");
    }

    /** One animation pulse: streamed text of the shown answers. */
    public void onPulse() {
        if (current == null) {
            return;
        }
        String l = leftBuffer.drain();
        String r = rightBuffer.drain();
        if (!l.isEmpty()) {
            left.set(left.get() + l);
        }
        if (!r.isEmpty()) {
            right.set(right.get() + r);
        }
        String error = leftBuffer.error() != null ? leftBuffer.error() : rightBuffer.error();
        if (error != null && status.get().isEmpty()) {
            status.set("Generation failed: " + error + " (skip this pair with S)");
        }
        answersDone.set(leftBuffer.done() && rightBuffer.done());
    }

    /** Criterion {@code index} (0-based) cycles none → left → right → tie. */
    public void cycleCriterion(int index) {
        if (index < criteria.size() && phase.get() == Phase.JUDGING) {
            criteria.get(index).cycle();
        }
    }

    public void close() {
        closeSession();
        results.close();
    }

    private void show(ArenaPair pair) {
        current = pair;
        leftBuffer = new AnswerBuffer();
        rightBuffer = new AnswerBuffer();
        pair.left().listen(leftBuffer);
        pair.right().listen(rightBuffer);
        prompt.set(pair.prompt());
        left.set("");
        right.set("");
        reason.set("");
        criteria.forEach(c -> c.sideProperty().set(null));
        phase.set(Phase.JUDGING);
        onPulse();
        updateProgress();
        if (votePressedNanos != 0) {
            lastSwitchMillis.set((System.nanoTime() - votePressedNanos) / 1e6);
            votePressedNanos = 0;
        }
    }

    private void advance() {
        current = null;
        status.set("");
        ArenaPair next = upcoming.poll();
        if (next != null) {
            show(next);
        } else if (exhausted) {
            finish();
        } else {
            prompt.set("Generating the next pair…");
            left.set("");
            right.set("");
            updateProgress();
        }
        ensureUpcoming();
    }

    private void ensureUpcoming() {
        if (fetching || exhausted || !upcoming.isEmpty() || service == null) {
            return;
        }
        fetching = true;
        long token = session;
        ArenaService svc = service;
        executor.submit("next arena pair", svc::next, next -> {
            if (token != session) {
                return;
            }
            fetching = false;
            if (next.isEmpty()) {
                exhausted = true;
                if (current == null) {
                    finish();
                }
            } else if (current == null) {
                show(next.get());
                ensureUpcoming();
            } else {
                upcoming.add(next.get());
            }
        }, e -> {
            fetching = false;
            status.set("Cannot prepare the next pair: " + e.getMessage());
        });
    }

    private void finish() {
        current = null;
        phase.set(Phase.FINISHED);
        prompt.set("");
        left.set("");
        right.set("");
        updateProgress();
        results.refresh();
    }

    private void updateProgress() {
        progress.set(votes.get() + " votes this session" + (exhausted && upcoming.isEmpty() && current == null
                ? " · all pairs judged" : ""));
    }

    private void closeSession() {
        session++;
        ArenaService svc = service;
        service = null;
        current = null;
        upcoming.clear();
        voted.clear();
        fetching = false;
        exhausted = false;
        if (svc != null) {
            executor.submit("close arena", () -> { svc.close(); return null; }, x -> { }, e -> { });
        }
    }

    public ArenaSetupModel setup() {
        return setup;
    }

    public ObjectProperty<Phase> phaseProperty() {
        return phase;
    }

    public StringProperty promptProperty() {
        return prompt;
    }

    public StringProperty leftProperty() {
        return left;
    }

    public StringProperty rightProperty() {
        return right;
    }

    public BooleanProperty answersDoneProperty() {
        return answersDone;
    }

    public StringProperty statusProperty() {
        return status;
    }

    public StringProperty progressProperty() {
        return progress;
    }

    public StringProperty reasonProperty() {
        return reason;
    }

    public ObservableList<CriterionVote> criteria() {
        return criteria;
    }

    public ArenaResultsModel results() {
        return results;
    }

    public IntegerProperty votesProperty() {
        return votes;
    }

    /** Milliseconds from the last vote to the next pair shown (prefetched: no background round trip). */
    public DoubleProperty lastSwitchMillisProperty() {
        return lastSwitchMillis;
    }
}

package org.rlhfworkbench.ui.reward;

import java.util.List;
import java.util.Locale;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import org.rlhfworkbench.core.ModelEntry;
import org.rlhfworkbench.core.ModelKind;
import org.rlhfworkbench.jobs.BackgroundExecutor;
import org.rlhfworkbench.jobs.ProjectService;
import org.rlhfworkbench.jobs.reward.Histogram;
import org.rlhfworkbench.jobs.reward.RewardInspection;
import org.rlhfworkbench.jobs.reward.RewardInspector;
import org.rlhfworkbench.ui.charts.ModelChoice;

/**
 * Reward-model inspection: the held-out prompts of the model's split with each response's human
 * rank and score, accuracy by K / position / rank gap, the histogram of r_w - r_l, and scoring
 * any text for any prompt. The loaded model lives on the background worker; holds no nodes.
 */
public final class InspectionViewModel {
    static final int HISTOGRAM_BINS = 20;

    private final BackgroundExecutor executor;
    private final ProjectService projects;
    private final ObservableList<ModelChoice> rewardModels = FXCollections.observableArrayList();
    private final ObjectProperty<ModelChoice> rewardModel = new SimpleObjectProperty<>(this, "rewardModel");
    private final ObservableList<RewardInspection.PromptResult> prompts = FXCollections.observableArrayList();
    private final FilteredList<RewardInspection.PromptResult> shownPrompts = new FilteredList<>(prompts);
    private final BooleanProperty onlyMismatches = new SimpleBooleanProperty(this, "onlyMismatches");
    private final ObservableList<RewardInspection.Accuracy> accuracy = FXCollections.observableArrayList();
    private final ObservableList<Histogram.Bin> histogram = FXCollections.observableArrayList();
    private final ObservableList<PromptChoice> scorePrompts = FXCollections.observableArrayList();
    private final ObjectProperty<PromptChoice> scorePrompt = new SimpleObjectProperty<>(this, "scorePrompt");
    private final StringProperty scoreText = new SimpleStringProperty(this, "scoreText", "");
    private final StringProperty scoreResult = new SimpleStringProperty(this, "scoreResult", "");
    private final StringProperty status = new SimpleStringProperty(this, "status", "No reward model inspected yet");
    private final BooleanProperty busy = new SimpleBooleanProperty(this, "busy");
    private final BooleanProperty loaded = new SimpleBooleanProperty(this, "loaded");
    private volatile RewardInspector inspector;   // created, used and closed on the worker only
    private double mean = Double.NaN;
    private double std = Double.NaN;

    /** @param models the project's models, kept current by the reward screen */
    public InspectionViewModel(BackgroundExecutor executor, ProjectService projects, ObservableList<ModelEntry> models) {
        this.executor = executor;
        this.projects = projects;
        models.addListener((ListChangeListener.Change<?> c) -> {
            List<ModelChoice> now = ModelChoice.list("newest reward model", models, m -> m.kind() == ModelKind.REWARD);
            ModelChoice keep = ModelChoice.keep(now, rewardModel.get());
            rewardModels.setAll(now);
            rewardModel.set(keep);
        });
        onlyMismatches.addListener((obs, old, only) ->
                shownPrompts.setPredicate(only ? p -> p.correct() < p.pairs() : null));
    }

    private record Loaded(ModelEntry model, long seed, double valFraction, RewardInspection result,
                          List<PromptChoice> prompts) {
    }

    /** Loads the chosen reward model and scores the held-out rankings of its split. */
    public void inspect() {
        if (rewardModels.size() <= 1) {
            status.set("No reward model yet: train one first (Start on the left), then inspect it here.");
            return;
        }
        Long id = rewardModel.get() == null ? null : rewardModel.get().id();
        busy.set(true);
        status.set("Scoring the held-out rankings…");
        executor.submit("Inspecting reward model", () -> {
            closeInspector();
            inspector = RewardInspector.open(projects.project(), id);
            RewardInspector ins = inspector;
            return new Loaded(ins.model(), ins.seed(), ins.valFraction(), ins.inspect(),
                    ins.prompts().stream().map(p -> PromptChoice.of(p.id(), p.text())).toList());
        }, this::show, e -> {
            busy.set(false);
            loaded.set(false);
            status.set("Cannot inspect: " + message(e));
        });
    }

    private void show(Loaded l) {
        busy.set(false);
        loaded.set(true);
        RewardInspection r = l.result();
        prompts.setAll(r.prompts());
        accuracy.setAll(r.overall());
        accuracy.addAll(r.byK());
        accuracy.addAll(r.byPosition());
        accuracy.addAll(r.byGap());
        histogram.setAll(Histogram.symmetric(r.margins(), HISTOGRAM_BINS));
        mean = r.scoreMean();
        std = r.scoreStd();
        PromptChoice keep = scorePrompt.get();
        scorePrompts.setAll(l.prompts());
        scorePrompt.set(keep != null && l.prompts().contains(keep) ? keep : l.prompts().isEmpty() ? null : l.prompts().get(0));
        status.set(String.format(Locale.ROOT, "Model #%d %s: %d held-out prompts (seed %d, %.0f%% held out), "
                        + "pairwise accuracy %s on %d pairs", l.model().id(), l.model().name(), r.prompts().size(),
                l.seed(), 100 * l.valFraction(), fmt(r.overall().value()), r.overall().pairs()));
    }

    /** Scores the typed text as an answer to the chosen prompt. */
    public void score() {
        PromptChoice prompt = scorePrompt.get();
        String text = scoreText.get();
        if (!loaded.get() || prompt == null) {
            scoreResult.set("Inspect a reward model first, then pick a prompt.");
            return;
        }
        scoreResult.set("Scoring…");
        executor.submit("Scoring a response", () -> inspector.score(prompt.id(), text), r -> scoreResult.set(
                String.format(Locale.ROOT, "r = %s\nz = %s against the held-out responses (mean %s, std %s)",
                        fmt(r), fmt((r - mean) / std), fmt(mean), fmt(std))), e -> scoreResult.set("Cannot score: " + message(e)));
    }

    /** Forgets the loaded model (e.g. when another project opens) and frees its memory on the worker. */
    public void close() {
        loaded.set(false);
        prompts.clear();
        accuracy.clear();
        histogram.clear();
        scorePrompts.clear();
        executor.submit("Closing the inspected reward model", () -> {
            closeInspector();
            return null;
        }, x -> { }, e -> status.set("Closing the reward model failed: " + message(e)));
    }

    private void closeInspector() {
        RewardInspector old = inspector;
        inspector = null;
        if (old != null) {
            old.close();
        }
    }

    static String fmt(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.4f", v) : "–";
    }

    private static String message(Throwable e) {
        return e.getMessage() == null ? e.toString() : e.getMessage();
    }

    public ObservableList<ModelChoice> rewardModels() {
        return rewardModels;
    }

    public ObjectProperty<ModelChoice> rewardModelProperty() {
        return rewardModel;
    }

    /** Held-out prompts, all or only those with a misordered pair. */
    public ObservableList<RewardInspection.PromptResult> prompts() {
        return shownPrompts;
    }

    public BooleanProperty onlyMismatchesProperty() {
        return onlyMismatches;
    }

    public ObservableList<RewardInspection.Accuracy> accuracy() {
        return accuracy;
    }

    public ObservableList<Histogram.Bin> histogram() {
        return histogram;
    }

    public ObservableList<PromptChoice> scorePrompts() {
        return scorePrompts;
    }

    public ObjectProperty<PromptChoice> scorePromptProperty() {
        return scorePrompt;
    }

    public StringProperty scoreTextProperty() {
        return scoreText;
    }

    public StringProperty scoreResultProperty() {
        return scoreResult;
    }

    public StringProperty statusProperty() {
        return status;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    public BooleanProperty loadedProperty() {
        return loaded;
    }
}

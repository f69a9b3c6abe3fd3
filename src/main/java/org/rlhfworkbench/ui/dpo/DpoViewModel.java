package org.rlhfworkbench.ui.dpo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.rlhfworkbench.core.RunRecord;
import org.rlhfworkbench.jobs.BackgroundExecutor;
import org.rlhfworkbench.jobs.ProjectService;
import org.rlhfworkbench.jobs.ppo.HealthSignal;
import org.rlhfworkbench.jobs.ppo.PpoWatch;
import org.rlhfworkbench.jobs.ppo.ProbeBatch;
import org.rlhfworkbench.jobs.run.DpoJob;
import org.rlhfworkbench.jobs.run.OnlineDpoJob;
import org.rlhfworkbench.jobs.run.TrainJob;
import org.rlhfworkbench.core.config.ProbeSample;
import org.rlhfworkbench.ui.charts.ChartSpec;
import org.rlhfworkbench.ui.charts.DashboardSpec;
import org.rlhfworkbench.ui.charts.MetricSeries;
import org.rlhfworkbench.ui.charts.RunMetrics;
import org.rlhfworkbench.jobs.run.RunListener;
import org.rlhfworkbench.ui.charts.TrainingTabModel;

/**
 * The DPO screen's state: the settings ({@link DpoSettings}), offline or online runs through one
 * training tab (runs of kind dpo and online-dpo), the probe samples, and the online
 * loop's per-round summary read from the shown run's online/* series (so a reopened run shows its
 * own). Holds no nodes; use on the UI thread and call {@link #drain()} on each pulse.
 */
public final class DpoViewModel extends TrainingTabModel {
    public static final DashboardSpec DASHBOARD = new DashboardSpec(List.of(
            ChartSpec.of("Loss", "loss", "eval/loss"),
            ChartSpec.of("Implicit rewards (beta log ratio)", "rewards/chosen", "rewards/rejected"),
            ChartSpec.of("Reward margin", "rewards/margins", "eval/rewards/margins"),
            ChartSpec.of("Preference accuracy", "rewards/accuracies", "eval/rewards/accuracies"),
            ChartSpec.of("Sequence log-probs (watch the chosen one fall)", "logps/chosen", "logps/rejected")),
            "eval/rewards/accuracies", "Eval accuracy");
    static final int MAX_SIGNALS = 200;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final DpoSettings settings = new DpoSettings();
    private final ObservableList<ProbeSample> samples = FXCollections.observableArrayList();
    private final LongProperty samplesStep = new SimpleLongProperty(this, "samplesStep", -1);
    private final ObservableList<IterationRow> iterations = FXCollections.observableArrayList();
    private final ObservableList<HealthSignal> signals = FXCollections.observableArrayList();
    private PpoWatch watch;
    private long seenRevision = -1;

    public DpoViewModel(BackgroundExecutor executor, ProjectService projects) {
        super(executor, projects, "dpo|online-dpo", DASHBOARD);
    }

    @Override
    protected TrainJob newJob() {
        return settings.online().get() ? new OnlineDpoJob(settings.onlineConfig()) : new DpoJob(settings.offlineConfig());
    }

    @Override
    protected TrainJob rebuild(RunRecord run, JsonNode config) {
        return rebuild(run.kind(), config);
    }

    /** Online DPO picks its pairs with the newest reward model; offline DPO uses none. */
    @Override
    protected boolean usesRewardModel() {
        return settings.online().get();
    }

    @Override
    protected RunListener follow(RunRecord resumed) {
        watch = PpoWatch.forDpo();
        samples.clear();
        samplesStep.set(-1);
        signals.clear();
        return watch;
    }

    static TrainJob rebuild(String kind, JsonNode json) {
        return kind.equals("online-dpo") ? new OnlineDpoJob(JSON.convertValue(json, OnlineDpoJob.Config.class))
                : new DpoJob(JSON.convertValue(json, DpoJob.Config.class));
    }

    /** Moves queued events into the dashboard, the samples and the round table; call on each pulse. */
    public void drain() {
        runner().drain();
        if (watch != null) {
            for (HealthSignal s : watch.drainSignals()) {
                signals.add(0, s);
            }
            if (signals.size() > MAX_SIGNALS) {
                signals.remove(MAX_SIGNALS, signals.size());
            }
            ProbeBatch b = watch.takeSamples();
            if (b != null) {
                samples.setAll(b.samples());
                samplesStep.set(b.step());
            }
        }
        if (runner().dashboard().revision() != seenRevision) {
            seenRevision = runner().dashboard().revision();
            List<IterationRow> rows = rows(runner().dashboard().primary());
            if (!rows.equals(iterations)) {
                iterations.setAll(rows);
            }
        }
    }

    /** One row per logged round: online/iteration, online/pairs, online/score_mean, online/pair_margin, online/kl_sft. */
    static List<IterationRow> rows(RunMetrics m) {
        MetricSeries it = m.series("online/iteration");
        List<IterationRow> out = new ArrayList<>();
        for (int i = 0; it != null && i < it.size(); i++) {
            out.add(new IterationRow((int) it.value(i), (int) value(m, "online/pairs", i),
                    value(m, "online/score_mean", i), value(m, "online/pair_margin", i), value(m, "online/kl_sft", i)));
        }
        return out;
    }

    private static double value(RunMetrics m, String name, int i) {
        MetricSeries s = m.series(name);
        return s == null || i >= s.size() ? Double.NaN : s.value(i);
    }

    /** Health signals of the watched run, newest first: chosen log-prob falling, KL, reward hacking in the probes. */
    public ObservableList<HealthSignal> signals() {
        return signals;
    }

    public DpoSettings settings() {
        return settings;
    }

    public ObservableList<ProbeSample> samples() {
        return samples;
    }

    public LongProperty samplesStepProperty() {
        return samplesStep;
    }

    public ObjectProperty<Integer> probeEveryProperty() {
        return settings.probeEvery();
    }

    /** The online loop's rounds of the shown run (empty for offline runs). */
    public ObservableList<IterationRow> iterations() {
        return iterations;
    }
}

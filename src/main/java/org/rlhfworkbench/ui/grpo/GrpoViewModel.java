package org.rlhfworkbench.ui.grpo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import javafx.beans.property.LongProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.rlhfworkbench.core.RunRecord;
import org.rlhfworkbench.jobs.BackgroundExecutor;
import org.rlhfworkbench.jobs.ProjectService;
import org.rlhfworkbench.jobs.grpo.GrpoSignal;
import org.rlhfworkbench.jobs.grpo.GrpoWatch;
import org.rlhfworkbench.jobs.ppo.ProbeBatch;
import org.rlhfworkbench.jobs.run.GrpoJob;
import org.rlhfworkbench.core.config.ProbeSample;
import org.rlhfworkbench.ui.charts.ChartSpec;
import org.rlhfworkbench.ui.charts.DashboardSpec;
import org.rlhfworkbench.jobs.run.RunListener;
import org.rlhfworkbench.jobs.run.TrainJob;
import org.rlhfworkbench.ui.charts.TrainingTabModel;

/**
 * The GRPO screen's state: settings, the run through a {@link TrainingRunner} (runs of kind grpo),
 * the probe samples and the health signals of the watched run, newest first. Holds no nodes; use
 * on the UI thread and call {@link #drain()} on each pulse.
 */
public final class GrpoViewModel extends TrainingTabModel {
    public static final DashboardSpec DASHBOARD = new DashboardSpec(List.of(
            ChartSpec.of("Reward and each source", "reward", "rewards/exact/mean", "rewards/rm/mean",
                    "rewards/format/mean", "rewards/length/mean", "rewards/rubric/mean", "rewards/overlong/mean"),
            ChartSpec.of("Spread: reward_std and groups without signal", "reward_std", "frac_reward_zero_std"),
            ChartSpec.of("Clip ratios", "clip_ratio/low_mean", "clip_ratio/high_mean", "clip_ratio/region_mean"),
            ChartSpec.of("KL to SFT (k3 per token) and entropy", "kl", "entropy"),
            ChartSpec.of("Answer length, tokens", "completions/mean_length", "completions/max_length"),
            ChartSpec.of("Answers cut at the cap", "completions/clipped_ratio")), "reward", "Mean reward");
    static final int MAX_SIGNALS = 200;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final GrpoSettings settings = new GrpoSettings();
    private final ObservableList<ProbeSample> samples = FXCollections.observableArrayList();
    private final LongProperty samplesStep = new SimpleLongProperty(this, "samplesStep", -1);
    private final ObservableList<GrpoSignal> signals = FXCollections.observableArrayList();
    private GrpoWatch watch;

    public GrpoViewModel(BackgroundExecutor executor, ProjectService projects) {
        super(executor, projects, "grpo", DASHBOARD);
    }

    @Override
    protected TrainJob newJob() {
        return new GrpoJob(settings.config());
    }

    @Override
    protected TrainJob rebuild(RunRecord run, JsonNode config) {
        return new GrpoJob(JSON.convertValue(config, GrpoJob.Config.class));
    }

    /** Whether the reward sources include the reward model ("rm"); it is the newest one. */
    @Override
    protected boolean usesRewardModel() {
        return java.util.Arrays.stream(settings.rewards().get().split(",")).map(String::strip)
                .anyMatch(r -> r.equals("rm") || r.startsWith("rm:"));
    }

    @Override
    protected RunListener follow(RunRecord resumed) {
        watch = new GrpoWatch();
        samples.clear();
        samplesStep.set(-1);
        signals.clear();
        return watch;
    }

    /** Moves queued events into the dashboard, the samples and the health list; call on each pulse. */
    public void drain() {
        runner().drain();
        if (watch == null) {
            return;
        }
        for (GrpoSignal s : watch.drainSignals()) {
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

    public GrpoSettings settings() {
        return settings;
    }

    public ObservableList<ProbeSample> samples() {
        return samples;
    }

    public LongProperty samplesStepProperty() {
        return samplesStep;
    }

    /** Health signals of the watched run, newest first. */
    public ObservableList<GrpoSignal> signals() {
        return signals;
    }
}

package org.rlhfworkbench.ui.reward;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import org.rlhfworkbench.core.ModelKind;
import org.rlhfworkbench.core.RunRecord;
import org.rlhfworkbench.jobs.BackgroundExecutor;
import org.rlhfworkbench.jobs.ProjectService;
import org.rlhfworkbench.jobs.run.RewardJob;
import org.rlhfworkbench.jobs.run.TrainJob;
import org.rlhfworkbench.core.config.RewardConfig;
import org.rlhfworkbench.ui.charts.ChartSpec;
import org.rlhfworkbench.ui.charts.DashboardSpec;
import org.rlhfworkbench.ui.charts.LoraSettings;
import org.rlhfworkbench.ui.charts.ModelChoice;
import org.rlhfworkbench.ui.charts.RunFormat;
import org.rlhfworkbench.ui.charts.TrainingTabModel;

/**
 * The reward screen's state: backbone and settings of a reward-model run (epochs, prompts per
 * step, learning rate, margin scale, centring coefficient, seed; the rest from
 * {@link RewardConfig#defaults()}), the run ({@link TrainingTabModel}), and the
 * inspection of trained reward models. Holds no nodes.
 */
public final class RewardViewModel extends TrainingTabModel {
    public static final DashboardSpec DASHBOARD = new DashboardSpec(List.of(ChartSpec.of("Loss", "loss"),
            ChartSpec.of("Held-out pairwise accuracy", "eval/accuracy"),
            ChartSpec.of("Held-out margin and rewards", "eval/margin", "eval/reward_mean", "eval/reward_std")),
            "eval/accuracy", "Eval accuracy");
    static final String AUTOMATIC = "newest SFT, policy or base model";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final InspectionViewModel inspection;
    private final ObservableList<ModelChoice> models = FXCollections.observableArrayList();
    private final ObjectProperty<ModelChoice> model = new SimpleObjectProperty<>(this, "model");
    private final ObjectProperty<Integer> epochs = new SimpleObjectProperty<>(this, "epochs", defaults().epochs());
    private final ObjectProperty<Integer> promptsPerStep =
            new SimpleObjectProperty<>(this, "promptsPerStep", defaults().promptsPerStep());
    private final StringProperty learningRate =
            new SimpleStringProperty(this, "learningRate", RunFormat.rate(defaults().learningRate()));
    private final ObjectProperty<Double> margin = new SimpleObjectProperty<>(this, "margin", defaults().marginScale());
    private final ObjectProperty<Double> center =
            new SimpleObjectProperty<>(this, "center", defaults().centerCoefficient());
    private final ObjectProperty<Integer> seed = new SimpleObjectProperty<>(this, "seed", (int) defaults().seed());
    private final LoraSettings lora = new LoraSettings();

    public RewardViewModel(BackgroundExecutor executor, ProjectService projects) {
        super(executor, projects, "reward", DASHBOARD);
        inspection = new InspectionViewModel(executor, projects, runner().library().models());
        runner().library().models().addListener((ListChangeListener.Change<?> c) -> {
            List<ModelChoice> now = ModelChoice.list(AUTOMATIC, runner().library().models(), m -> m.kind() != ModelKind.REWARD);
            ModelChoice keep = ModelChoice.keep(now, model.get());
            models.setAll(now);
            model.set(keep);
        });
    }

    private static RewardConfig defaults() {
        return RewardConfig.defaults();
    }

    /** Reads the open project's models and reward runs and drops the inspected model; call after a project opened. */
    @Override
    public void projectChanged() {
        inspection.close();
        super.projectChanged();
    }

    @Override
    protected TrainJob newJob() {
        RewardConfig cfg = config();
        return new RewardJob(new RewardJob.Config(model.get() == null ? null : model.get().id(), cfg,
                lora.config(cfg.seed())));
    }

    @Override
    protected TrainJob rebuild(RunRecord run, JsonNode config) {
        return new RewardJob(JSON.convertValue(config, RewardJob.Config.class));
    }

    /** On closing the window: asks an active run to stop and frees the inspected reward model. */
    @Override
    public void close() {
        super.close();
        inspection.close();
    }

    RewardConfig config() {
        RewardConfig d = defaults();
        return new RewardConfig(epochs.get(), promptsPerStep.get(), RunFormat.parseRate(learningRate.get()),
                d.warmupSteps(), d.valFraction(), d.maxLength(), margin.get(), center.get(), d.checkpointEvery(),
                seed.get());
    }

    public LoraSettings lora() {
        return lora;
    }

    public InspectionViewModel inspection() {
        return inspection;
    }

    public ObservableList<ModelChoice> models() {
        return models;
    }

    public ObjectProperty<ModelChoice> modelProperty() {
        return model;
    }

    public ObjectProperty<Integer> epochsProperty() {
        return epochs;
    }

    public ObjectProperty<Integer> promptsPerStepProperty() {
        return promptsPerStep;
    }

    public StringProperty learningRateProperty() {
        return learningRate;
    }

    public ObjectProperty<Double> marginProperty() {
        return margin;
    }

    public ObjectProperty<Double> centerProperty() {
        return center;
    }

    public ObjectProperty<Integer> seedProperty() {
        return seed;
    }
}

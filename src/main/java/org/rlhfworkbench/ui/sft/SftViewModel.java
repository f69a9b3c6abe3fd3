package org.rlhfworkbench.ui.sft;

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
import org.rlhfworkbench.jobs.run.SftJob;
import org.rlhfworkbench.jobs.run.TrainJob;
import org.rlhfworkbench.core.config.SftConfig;
import org.rlhfworkbench.ui.charts.ChartSpec;
import org.rlhfworkbench.ui.charts.DashboardSpec;
import org.rlhfworkbench.ui.charts.LoraSettings;
import org.rlhfworkbench.ui.charts.ModelChoice;
import org.rlhfworkbench.ui.charts.RunFormat;
import org.rlhfworkbench.ui.charts.TrainingTabModel;

/**
 * The SFT screen's state: the starting model and settings (epochs, batch, learning rate, seed;
 * the rest from {@link SftConfig#defaults()}); the run itself is {@link TrainingTabModel}'s.
 * Holds no nodes.
 */
public final class SftViewModel extends TrainingTabModel {
    public static final DashboardSpec DASHBOARD = new DashboardSpec(List.of(
            ChartSpec.of("Loss", "loss", "eval/loss"), ChartSpec.of("Gradient norm", "grad_norm"),
            ChartSpec.of("Learning rate", "lr")), "eval/loss", "Eval loss");
    static final String AUTOMATIC = "base model (newest; else newest SFT or policy)";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ObservableList<ModelChoice> models = FXCollections.observableArrayList();
    private final ObjectProperty<ModelChoice> model = new SimpleObjectProperty<>(this, "model");
    private final ObjectProperty<Integer> epochs = new SimpleObjectProperty<>(this, "epochs", SftConfig.defaults().epochs());
    private final ObjectProperty<Integer> batchSize =
            new SimpleObjectProperty<>(this, "batchSize", SftConfig.defaults().batchSize());
    private final StringProperty learningRate =
            new SimpleStringProperty(this, "learningRate", RunFormat.rate(SftConfig.defaults().learningRate()));
    private final ObjectProperty<Integer> seed = new SimpleObjectProperty<>(this, "seed", (int) SftConfig.defaults().seed());
    private final LoraSettings lora = new LoraSettings();

    public SftViewModel(BackgroundExecutor executor, ProjectService projects) {
        super(executor, projects, "sft", DASHBOARD);
        runner().library().models().addListener((ListChangeListener.Change<?> c) -> {
            List<ModelChoice> now = ModelChoice.list(AUTOMATIC, runner().library().models(), m -> m.kind() != ModelKind.REWARD);
            ModelChoice keep = ModelChoice.keep(now, model.get());
            models.setAll(now);
            model.set(keep);
        });
    }

    @Override
    protected TrainJob newJob() {
        SftConfig cfg = config();
        return new SftJob(new SftJob.Config(model.get() == null ? null : model.get().id(), cfg, lora.config(cfg.seed())));
    }

    @Override
    protected TrainJob rebuild(RunRecord run, JsonNode config) {
        return new SftJob(JSON.convertValue(config, SftJob.Config.class));
    }

    SftConfig config() {
        SftConfig d = SftConfig.defaults();
        float lr = RunFormat.parseRate(learningRate.get());
        return new SftConfig(epochs.get(), batchSize.get(), lr, d.warmupSteps(), d.valFraction(), d.maxLength(),
                d.checkpointEvery(), seed.get());
    }

    public LoraSettings lora() {
        return lora;
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

    public ObjectProperty<Integer> batchSizeProperty() {
        return batchSize;
    }

    public StringProperty learningRateProperty() {
        return learningRate;
    }

    public ObjectProperty<Integer> seedProperty() {
        return seed;
    }
}

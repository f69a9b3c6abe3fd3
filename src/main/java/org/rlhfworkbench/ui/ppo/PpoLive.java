package org.rlhfworkbench.ui.ppo;

import javafx.beans.property.DoubleProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.rlhfworkbench.jobs.ppo.HealthSignal;
import org.rlhfworkbench.jobs.ppo.PpoMetricNames;
import org.rlhfworkbench.jobs.ppo.PpoWatch;
import org.rlhfworkbench.jobs.ppo.ProbeBatch;
import org.rlhfworkbench.core.config.ProbeSample;
import org.rlhfworkbench.ui.charts.DashboardModel;
import org.rlhfworkbench.ui.charts.MetricSeries;

/**
 * What the PPO screen shows beyond the shared dashboard: the PPO tiles' figures (read from the
 * shown run's series, so a reopened run shows its own), the newest probe samples and the health
 * signals of the watched run, newest first. Use on the UI thread; {@link #drain} once per pulse.
 */
public final class PpoLive {
    static final int MAX_SIGNALS = 200;

    private final DoubleProperty score = new SimpleDoubleProperty(this, "score", Double.NaN);
    private final DoubleProperty kl = new SimpleDoubleProperty(this, "kl", Double.NaN);
    private final DoubleProperty beta = new SimpleDoubleProperty(this, "beta", Double.NaN);
    private final DoubleProperty episodes = new SimpleDoubleProperty(this, "episodes", Double.NaN);
    private final ObservableList<ProbeSample> samples = FXCollections.observableArrayList();
    private final LongProperty samplesStep = new SimpleLongProperty(this, "samplesStep", -1);
    private final ObservableList<HealthSignal> signals = FXCollections.observableArrayList();
    private PpoWatch watch;
    private long seenRevision = -1;

    /** Follows {@code next} from now on; a new run's panels start empty, a continued run's stay. */
    void watch(PpoWatch next, boolean newRun) {
        watch = next;
        if (newRun) {
            samples.clear();
            samplesStep.set(-1);
            signals.clear();
        }
    }

    /** Takes the watched run's new signals and samples, and the tiles' figures when the dashboard changed. */
    void drain(DashboardModel dashboard) {
        if (watch != null) {
            for (HealthSignal s : watch.drainSignals()) {
                signals.add(0, s);
            }
            if (signals.size() > MAX_SIGNALS) {
                signals.remove(MAX_SIGNALS, signals.size());
            }
            ProbeBatch batch = watch.takeSamples();
            if (batch != null) {
                samples.setAll(batch.samples());
                samplesStep.set(batch.step());
            }
        }
        if (dashboard.revision() != seenRevision) {
            seenRevision = dashboard.revision();
            score.set(last(dashboard, PpoMetricNames.SCORES));
            kl.set(last(dashboard, PpoMetricNames.KL));
            beta.set(last(dashboard, PpoMetricNames.BETA));
            episodes.set(last(dashboard, PpoMetricNames.EPISODE));
        }
    }

    private static double last(DashboardModel dashboard, String name) {
        MetricSeries s = dashboard.primary().series(name);
        return s == null ? Double.NaN : s.lastValue();
    }

    public DoubleProperty scoreProperty() {
        return score;
    }

    public DoubleProperty klProperty() {
        return kl;
    }

    public DoubleProperty betaProperty() {
        return beta;
    }

    public DoubleProperty episodesProperty() {
        return episodes;
    }

    /** The probe prompts as last re-sampled: policy answer beside the SFT (reference) answer, with RM scores. */
    public ObservableList<ProbeSample> samples() {
        return samples;
    }

    /** The step of {@link #samples()}; -1 while there are none. */
    public LongProperty samplesStepProperty() {
        return samplesStep;
    }

    /** Health signals of the watched run, newest first. */
    public ObservableList<HealthSignal> signals() {
        return signals;
    }
}

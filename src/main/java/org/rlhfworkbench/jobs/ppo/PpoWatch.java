package org.rlhfworkbench.jobs.ppo;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicReference;
import org.rlhfworkbench.core.MetricPoint;
import org.rlhfworkbench.jobs.run.RunListener;
import org.rlhfworkbench.core.config.ProbeSample;

/**
 * What a screen or a script shows of a PPO run beyond its metrics: the {@link HealthMonitor}'s
 * signals and the newest probe samples. Fed as a {@link RunListener} on the training thread;
 * read with {@link #drainSignals()} and {@link #takeSamples()} from any one other thread (the
 * GUI does it on the animation pulse).
 */
public final class PpoWatch implements RunListener {
    private final HealthMonitor monitor;
    private final ProbeHealth probes;
    private final ConcurrentLinkedQueue<HealthSignal> signals = new ConcurrentLinkedQueue<>();
    private final AtomicReference<ProbeBatch> samples = new AtomicReference<>();

    public PpoWatch() {
        this(new HealthMonitor());
    }

    public PpoWatch(HealthMonitor monitor) {
        this(monitor, null);
    }

    /** Also judges each probe batch with {@code probes} (null: not). */
    public PpoWatch(HealthMonitor monitor, ProbeHealth probes) {
        this.monitor = monitor;
        this.probes = probes;
    }

    /** The watch of a DPO run: {@link HealthMonitor#forDpo} on its metrics, {@link ProbeHealth} on its probes. */
    public static PpoWatch forDpo() {
        HealthThresholds t = HealthThresholds.defaults();
        return new PpoWatch(HealthMonitor.forDpo(t), new ProbeHealth(t));
    }

    @Override
    public synchronized void onMetric(MetricPoint point) {
        signals.addAll(monitor.accept(point));
    }

    @Override
    public void onSamples(long step, List<ProbeSample> batch) {
        if (probes != null) {
            synchronized (this) {
                signals.addAll(probes.accept(step, batch));
            }
        }
        samples.set(new ProbeBatch(step, batch));
    }

    /** Feeds a resumed run's recorded points first, so first values and trends start where the run is. */
    public synchronized void replay(List<MetricPoint> history) {
        signals.addAll(monitor.acceptAll(history));
    }

    /** The signals raised since the last call, oldest first. */
    public List<HealthSignal> drainSignals() {
        List<HealthSignal> out = new ArrayList<>();
        HealthSignal s;
        while ((s = signals.poll()) != null) {
            out.add(s);
        }
        return out;
    }

    /** The newest probe samples not taken yet, or null. */
    public ProbeBatch takeSamples() {
        return samples.getAndSet(null);
    }
}

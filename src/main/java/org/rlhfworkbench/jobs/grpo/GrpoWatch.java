package org.rlhfworkbench.jobs.grpo;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicReference;
import org.rlhfworkbench.core.MetricPoint;
import org.rlhfworkbench.jobs.ppo.ProbeBatch;
import org.rlhfworkbench.jobs.run.RunListener;
import org.rlhfworkbench.core.config.ProbeSample;

/**
 * What a screen shows of a GRPO run beyond its metrics: {@link GrpoHealth}'s signals and the
 * newest probe samples. Fed on the training thread; drained from one other thread.
 */
public final class GrpoWatch implements RunListener {
    private final GrpoHealth health = new GrpoHealth();
    private final ConcurrentLinkedQueue<GrpoSignal> signals = new ConcurrentLinkedQueue<>();
    private final AtomicReference<ProbeBatch> samples = new AtomicReference<>();

    @Override
    public synchronized void onMetric(MetricPoint point) {
        signals.addAll(health.accept(point));
    }

    @Override
    public void onSamples(long step, List<ProbeSample> batch) {
        samples.set(new ProbeBatch(step, batch));
    }

    /** The signals raised since the last call, oldest first. */
    public List<GrpoSignal> drainSignals() {
        List<GrpoSignal> out = new ArrayList<>();
        GrpoSignal s;
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

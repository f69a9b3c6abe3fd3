package org.rlhfworkbench.ui.dpo;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.rlhfworkbench.jobs.ppo.ProbeBatch;
import org.rlhfworkbench.jobs.run.RunListener;
import org.rlhfworkbench.core.config.ProbeSample;

/** Keeps the newest probe samples a DPO run sends (from its training thread) until the screen takes them. */
final class DpoWatch implements RunListener {
    private final AtomicReference<ProbeBatch> latest = new AtomicReference<>();

    @Override
    public void onSamples(long step, List<ProbeSample> samples) {
        latest.set(new ProbeBatch(step, samples));
    }

    /** The samples sent since the last call, or null. */
    ProbeBatch take() {
        return latest.getAndSet(null);
    }
}

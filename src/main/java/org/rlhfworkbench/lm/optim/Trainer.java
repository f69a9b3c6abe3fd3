package org.rlhfworkbench.lm.optim;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.training.GradientCollector;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.rlhfworkbench.lm.nd.NoGrad;
import org.rlhfworkbench.lm.nd.Scalars;

/**
 * One optimisation step over micro-batches (gradient accumulation), with the memory discipline
 * DJL needs: every forward and backward runs in an NDScope on a sub-manager, gradients are
 * clipped by global norm (the scale applied inside AdamW's update), AdamW updates outside any
 * scope, then gradients are zeroed.
 * A NaN or infinite loss or gradient norm throws before the weights are touched.
 */
public final class Trainer implements AutoCloseable {
    /** Builds the loss of one micro-batch; runs inside the gradient collector. */
    @FunctionalInterface
    public interface LossFn {
        NDArray loss(NDManager m, int micro);
    }

    /** What one step did. */
    public record StepResult(long step, float loss, double gradNorm, float lr) {
    }

    private final Map<String, NDArray> params;
    private final NDManager owner;
    private final AdamW adam;
    private final OptimizerConfig cfg;
    private final LrSchedule schedule;

    public Trainer(Map<String, NDArray> params, NDManager owner, OptimizerConfig cfg, LrSchedule schedule) {
        this.params = params;
        this.owner = owner;
        this.cfg = cfg;
        this.schedule = schedule;
        this.adam = new AdamW(cfg);
        Gradients.enable(params.values());
    }

    public AdamW optimizer() {
        return adam;
    }

    /** Runs {@code micros} micro-batches, each loss scaled by 1 / micros, then one update. */
    public StepResult step(int micros, LossFn fn) {
        NoGrad.enter();  // this thread's default is "on": updates below must not be recorded
        Collection<NDArray> values = params.values();
        float sum = 0;
        for (int i = 0; i < micros; i++) {
            try (NDManager m = owner.newSubManager(); NDScope scope = new NDScope();
                 GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                NDArray loss = fn.loss(m, i);
                float value = loss.getFloat();
                if (!Float.isFinite(value)) {
                    Gradients.zero(values);
                    throw new NonFiniteLossException("loss is " + value + " at step " + (adam.steps() + 1));
                }
                NDArray scaled = micros == 1 ? loss : loss.div(new Scalars(m).of(micros));
                gc.backward(scaled);
                sum += value;
            }
        }
        NoGrad.enter();  // the collector restored the thread's previous mode
        double norm = Gradients.globalNorm(values);
        if (!Double.isFinite(norm)) {
            Gradients.zero(values);
            throw new NonFiniteLossException("gradient norm is " + norm + " at step " + (adam.steps() + 1));
        }
        float lr = schedule.at(adam.steps());
        adam.step(params, lr, Gradients.clipScale(norm, cfg.clipNorm()));   // clipping folded into the update
        Gradients.zero(values);
        return new StepResult(adam.steps(), sum / micros, norm, lr);
    }

    /** The parameters being trained, e.g. for a checkpoint. */
    public List<String> names() {
        return List.copyOf(params.keySet());
    }

    @Override
    public void close() {
        adam.close();
    }
}

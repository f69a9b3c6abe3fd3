package org.rlhfworkbench.train.ppo;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

/**
 * What the value loss of one minibatch compares against, (b, w) row-major: the clip range
 * around the rollout's values [V_old - c, V_old + c], the GAE returns R, and the mask of real
 * response tokens. Either critic minimises the same loss with it.
 */
record ValueTargets(int rows, int width, float[] vLow, float[] vHigh, float[] returns, float[] mask) {

    /**
     * L_V = mean max((V - R)^2, (clip(V, V_old - c, V_old + c) - R)^2) over real tokens, unscaled.
     * Writes L_V to stats[1] and the share of clipped values (val/clipfrac_avg) to stats[3].
     */
    NDArray loss(NDArray values, NDManager m, double[] stats) {
        Shape shape = new Shape(rows, width);
        NDArray low = m.create(vLow, shape);                                                 // (b, w)
        NDArray high = m.create(vHigh, shape);                                               // (b, w)
        NDArray maskNd = m.create(mask, shape);                                              // (b, w)
        NDArray vf = PpoLosses.value(values, low, high, m.create(returns, shape), maskNd);  // ()
        NDArray v = values.stopGradient();                                                   // (b, w)
        NDArray clipped = v.maximum(low).minimum(high);                                      // (b, w)
        stats[1] = vf.getFloat();
        stats[3] = PpoLosses.mean(clipped.neq(v).toType(DataType.FLOAT32, false), maskNd).getFloat();
        return vf;
    }
}

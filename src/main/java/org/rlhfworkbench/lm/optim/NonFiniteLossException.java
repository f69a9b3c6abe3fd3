package org.rlhfworkbench.lm.optim;

/** A loss or gradient became NaN or infinite; the weights were not updated by that step. */
public class NonFiniteLossException extends RuntimeException {
    public NonFiniteLossException(String message) {
        super(message);
    }
}

package org.rlhfworkbench.train.pretrain;

import java.nio.file.Path;
import java.util.List;

/** Where the model went and how training ended; curve rows are (step, train loss, validation loss). */
public record PretrainResult(Path folder, float finalLoss, float validationLoss, double seconds, List<float[]> curve) {
}

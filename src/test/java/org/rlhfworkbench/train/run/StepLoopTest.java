package org.rlhfworkbench.train.run;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rlhfworkbench.lm.optim.AdamW;
import org.rlhfworkbench.lm.optim.OptimizerConfig;
import org.rlhfworkbench.lm.optim.Trainer;

/** The shared training loop: when checkpoints are written, and what a reported step promises. */
class StepLoopTest {
    @TempDir
    Path tmp;

    /** Runs {@code total} no-op steps; returns, for each reported step, the checkpoint's step at that moment (-1: none). */
    private List<Long> checkpointStepAtEachReport(Path dir, long total, int every) throws IOException {
        List<Long> seen = new ArrayList<>();
        MemoryRunContext ctx = new MemoryRunContext(dir, -1) {
            @Override
            public void progress(long s, long t, double tps) {
                super.progress(s, t, tps);
                seen.add(savedStep(dir));
            }
        };
        try (NDManager m = NDManager.newBaseManager(); AdamW adam = new AdamW(OptimizerConfig.defaults())) {
            Map<String, NDArray> params = Map.of("w", m.ones(new ai.djl.ndarray.types.Shape(2)));
            StepLoop.run(ctx, List.of(new ParamGroup(ParamGroup.MAIN, params, adam)), total, every, 1, false, 1,
                    step -> new Trainer.StepResult(step + 1, 0.5f, 0.1, 1e-3f));
        }
        return seen;
    }

    private static long savedStep(Path dir) {
        Path state = dir.resolve(Checkpoint.DIR).resolve("state.json");
        try {
            return Files.isRegularFile(state) ? new ObjectMapper().readTree(state.toFile()).get("step").asLong() : -1;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** PpoKillTest kills the process once it has seen "step 3": a checkpoint at step 3 must already exist then. */
    @Test
    void aStepIsReportedOnlyAfterItsCheckpointIsSaved() throws IOException {
        assertThat(checkpointStepAtEachReport(tmp.resolve("every1"), 4, 1)).containsExactly(1L, 2L, 3L, 4L);
        assertThat(checkpointStepAtEachReport(tmp.resolve("every3"), 7, 3)).containsExactly(-1L, -1L, 3L, 3L, 3L, 6L, 7L);
    }

    @Test
    void intervalZeroScalesToTheRunsLength() throws IOException {
        assertThat(StepLoop.checkpointInterval(0, 14)).isEqualTo(1);     // one SFT epoch on the sample
        assertThat(StepLoop.checkpointInterval(0, 42)).isEqualTo(4);
        assertThat(StepLoop.checkpointInterval(0, 3)).isEqualTo(1);
        assertThat(StepLoop.checkpointInterval(0, 100_000)).isEqualTo(50);
        assertThat(StepLoop.checkpointInterval(7, 14)).isEqualTo(7);   // a set interval is kept
        // a 25-step run with the scaled interval (2) has a checkpoint at step 2, not only at the end
        List<Long> seen = checkpointStepAtEachReport(tmp.resolve("auto"), 25, 0);
        assertThat(seen.get(1)).isEqualTo(2L);
        assertThat(seen.get(24)).isEqualTo(25L);
    }
}

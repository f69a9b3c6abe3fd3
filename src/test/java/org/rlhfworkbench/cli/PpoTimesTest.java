package org.rlhfworkbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PpoTimesTest {
    @Test
    void readsEpisodesAndTimingsFromThePpoSummary() {
        String out = "run 4: done\n  beta                 0.0500000\n  episode              960.000\n"
                + "  timing/generate      4.00000\n  timing/update        20.0000\n";
        assertThat(PpoTimes.line(out, 40.0)).isEqualTo(
                "PPO: 960 episodes in 40.0 s (24.0 episodes/s); generate 4.0 s (10%), update 20.0 s (50%)");
    }

    @Test
    void thePipelineFindsTheModelATrainingStepSaved() {
        assertThat(PipelineCommand.newestModel("run 5: done\n  loss 0.1\nmodel 6 (models/online-dpo-5-it1)\n"
                + "model 8 (models/online-dpo-5-it3) after 3 rounds\n")).isEqualTo(8);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> PipelineCommand.newestModel("run 5: failed"))
                .hasMessageContaining("saved no model");
    }
}

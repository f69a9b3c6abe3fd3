package org.rlhfworkbench.jobs.reward;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.rlhfworkbench.jobs.run.RewardJob;

/** A reward model is marked under 50 training rankings or under 0.6 held-out accuracy. */
class RewardModelCheckTest {
    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0} rankings, accuracy {1}: marked {2}")
    @CsvSource({
            "50, 0.60, false",
            "49, 0.60, true",
            "50, 0.59, true",
            "0, 0.90, true",
            "400, 0.95, false",
            "400, , true"})
    void thresholds(int rankings, Double accuracy, boolean marked) {
        assertThat(RewardModelCheck.judge(rankings, accuracy) != null).isEqualTo(marked);
    }

    @Test
    void theWarningNamesEachReason() {
        assertThat(RewardModelCheck.judge(12, 0.55))
                .isEqualTo("trained on 12 rankings (under 50), held-out accuracy 0.55 (under 0.6)");
    }

    @Test
    void readsTheStatsItsRunWrote() throws Exception {
        Files.writeString(dir.resolve(RewardJob.STATS_FILE), "{\"eval_accuracy\": 0.52, \"train_prompts\": 180}");
        assertThat(RewardModelCheck.warning(dir)).isEqualTo("held-out accuracy 0.52 (under 0.6)");
        Files.writeString(dir.resolve(RewardJob.STATS_FILE), "{\"eval_accuracy\": 0.81, \"train_prompts\": 180}");
        assertThat(RewardModelCheck.warning(dir)).isNull();
    }

    @Test
    void aModelWithoutStatsIsNotJudged() {
        assertThat(RewardModelCheck.warning(dir)).isNull();
    }
}

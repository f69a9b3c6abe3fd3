package org.rlhfworkbench.ui.ppo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.junit.jupiter.api.Test;
import org.rlhfworkbench.core.RunRecord;
import org.rlhfworkbench.core.RunStatus;

/** "Continue from the last checkpoint" is only offered when there is one; otherwise the offer says so. */
class UnfinishedRunTest {
    private final ObservableList<RunRecord> runs = FXCollections.observableArrayList();
    private final Map<Long, Long> checkpoints = new HashMap<>();
    private final UnfinishedRun offer = new UnfinishedRun(runs, checkpoints::get);

    private static RunRecord cancelled(long id) {
        return new RunRecord(id, "ppo", "{}", 1, RunStatus.CANCELLED, Instant.EPOCH, null, null);
    }

    @Test
    void aRunStoppedBeforeItsFirstCheckpointIsOfferedAsAFreshStart() {
        runs.setAll(cancelled(4));

        assertThat(offer.describeOffer()).contains("run 4", "before its first checkpoint", "from step 0")
                .doesNotContain("Continue it from its last checkpoint");
        assertThat(offer.actionLabel()).isEqualTo("Start again from step 0");
    }

    @Test
    void aRunWithACheckpointSaysTheStepItResumesFrom() {
        checkpoints.put(4L, 120L);
        runs.setAll(cancelled(4));

        assertThat(offer.describeOffer()).contains("run 4 was stopped", "last checkpoint (step 120)");
        assertThat(offer.actionLabel()).isEqualTo("Resume from step 120");
        assertThat(offer.offeredStep()).isEqualTo(120L);
    }
}

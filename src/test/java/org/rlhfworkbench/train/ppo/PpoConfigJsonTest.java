package org.rlhfworkbench.train.ppo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.rlhfworkbench.core.config.PpoConfig;

/** Saved run configs: the separate-critic switch round-trips, and configs saved before it existed still load. */
class PpoConfigJsonTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aConfigSavedBeforeTheSeparateCriticFieldLoadsWithTheTrunkHead() throws Exception {
        ObjectNode old = JSON.valueToTree(PpoConfig.defaults().withSeparateCritic(true));
        old.remove("separateCritic");
        PpoConfig read = JSON.treeToValue(old, PpoConfig.class);
        assertThat(read.separateCritic()).isFalse();
        assertThat(read).isEqualTo(PpoConfig.defaults());
    }

    @Test
    void theSeparateCriticSwitchRoundTrips() throws Exception {
        PpoConfig on = PpoConfig.defaults().withSeparateCritic(true);
        assertThat(JSON.readValue(JSON.writeValueAsString(on), PpoConfig.class)).isEqualTo(on);
        assertThat(PpoConfig.defaults().separateCritic()).isFalse();
        assertThat(PpoConfig.defaults().withSteps(3).withPtx(0.5).withSeparateCritic(true).withSteps(4).separateCritic())
                .isTrue();
    }
}

package org.rlhfworkbench.jobs.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RewardSpecTest {
    @Test
    void aSpecIsAKindAnOptionalArgumentAndAnOptionalWeight() {
        assertThat(RewardSpec.parse("exact")).isEqualTo(new RewardSpec("exact", null, 1));
        assertThat(RewardSpec.parse("rm:0.5")).isEqualTo(new RewardSpec("rm", null, 0.5));
        assertThat(RewardSpec.parse("rm=12:2")).isEqualTo(new RewardSpec("rm", "12", 2));
        assertThat(RewardSpec.parse("length=20")).isEqualTo(new RewardSpec("length", "20", 1));
        assertThat(RewardSpec.parse("rm=12").name()).isEqualTo("rm12");
    }

    @Test
    void aColonInsideARegexIsPartOfThePatternUnlessANumberFollowsTheLastOne() {
        assertThat(RewardSpec.parse("regex=^answer: \\d+$")).isEqualTo(new RewardSpec("regex", "^answer: \\d+$", 1));
        assertThat(RewardSpec.parse("regex=^answer: \\d+$:0.3")).isEqualTo(new RewardSpec("regex", "^answer: \\d+$", 0.3));
    }

    @Test
    void anUnknownSourceIsNamedWithTheKnownOnes() {
        assertThatThrownBy(() -> RewardSpec.parse("bleu:1")).hasMessage(
                "unknown reward source 'bleu' (rm, exact, format, regex, length, rubric)");
        assertThatThrownBy(() -> RewardSpec.parse("regex")).hasMessageContaining("regex needs a pattern");
    }
}

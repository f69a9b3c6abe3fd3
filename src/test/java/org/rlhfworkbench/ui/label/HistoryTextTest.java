package org.rlhfworkbench.ui.label;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.rlhfworkbench.core.RankingStatus;
import org.rlhfworkbench.jobs.label.HistoryEntry;

/** History rows name each decision once: "skipped", not "skipped skipped"; "ranked 3 > 1", not "ranked 3 > 1" twice. */
class HistoryTextTest {

    @ParameterizedTest(name = "{0} / \"{1}\" reads \"{2}\"")
    @CsvSource(delimiter = '|', textBlock = """
            RANKED  | 3 > 1 = 2              | ranked 3 > 1 = 2
            RANKED  | 2' > 2, 1 unranked     | ranked 2' > 2, 1 unranked
            RANKED  | nothing ranked; own answer | ranked nothing ranked; own answer
            SKIPPED | skipped                | skipped
            SKIPPED |                        | skipped
            SKIPPED | skipped; own answer    | skipped; own answer
            ALL_BAD | all bad                | all bad
            ALL_BAD | all bad; own answer    | all bad; own answer
            FLAGGED | flagged: unsafe prompt | flagged: unsafe prompt
            FLAGGED | flagged                | flagged
            FLAGGED | 1 > 2                  | flagged 1 > 2
            """)
    void eachDecisionIsNamedOnce(RankingStatus status, String summary, String expected) {
        HistoryEntry entry = new HistoryEntry(7, 3, "a prompt", status, summary, false, null);
        assertThat(HistoryText.what(entry)).isEqualTo(expected);
        assertThat(HistoryText.row(entry)).isEqualTo(expected);
    }
}

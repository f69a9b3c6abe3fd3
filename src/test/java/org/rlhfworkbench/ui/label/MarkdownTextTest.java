package org.rlhfworkbench.ui.label;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.rlhfworkbench.ui.label.MarkdownText.Run;
import org.rlhfworkbench.ui.label.MarkdownText.Style;

class MarkdownTextTest {

    @Test
    void headingsListsAndBoldBecomeStyledRuns() {
        assertThat(MarkdownText.parse("""
                ## Ranking
                - Prefer **correct** answers
                Ties are fine.""")).containsExactly(
                new Run("Ranking\n", Style.HEADING),
                new Run("• Prefer ", Style.PLAIN), new Run("correct", Style.BOLD), new Run(" answers", Style.PLAIN),
                new Run("\n", Style.PLAIN),
                new Run("Ties are fine.", Style.PLAIN), new Run("\n", Style.PLAIN));
    }

    @Test
    void unmatchedStarsStayAsText() {
        assertThat(MarkdownText.parse("a **b")).containsExactly(new Run("a ", Style.PLAIN), new Run("**b", Style.PLAIN),
                new Run("\n", Style.PLAIN));
    }

    @Test
    void nothingGivesNoRuns() {
        assertThat(MarkdownText.parse(null)).isEmpty();
    }
}

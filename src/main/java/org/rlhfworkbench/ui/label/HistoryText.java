package org.rlhfworkbench.ui.label;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.rlhfworkbench.core.RankingStatus;
import org.rlhfworkbench.jobs.label.HistoryEntry;

/**
 * How a history row reads: "ranked 3 > 1 = 2", "skipped", "all bad; own answer", "flagged: unclear",
 * then the time. The stored summary already names the status of a decision that is not a ranking,
 * so the status word is added only where the summary lacks it (never "skipped skipped").
 */
final class HistoryText {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneId.systemDefault());

    private HistoryText() {
    }

    /** "ranked 3 > 1", "skipped", "flagged: note". */
    static String what(HistoryEntry entry) {
        String word = word(entry.status());
        String summary = entry.summary() == null ? "" : entry.summary().strip();
        if (summary.isEmpty()) {
            return word;
        }
        return summary.startsWith(word) ? summary : word + " " + summary;
    }

    /** The row's top line: what was decided and when. */
    static String row(HistoryEntry entry) {
        return what(entry) + (entry.at() == null ? "" : " · " + TIME.format(entry.at()));
    }

    static String word(RankingStatus status) {
        return switch (status) {
            case RANKED -> "ranked";
            case SKIPPED -> "skipped";
            case ALL_BAD -> "all bad";
            case FLAGGED -> "flagged";
        };
    }
}

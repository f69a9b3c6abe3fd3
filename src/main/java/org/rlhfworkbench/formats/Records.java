package org.rlhfworkbench.formats;

import java.util.List;
import org.rlhfworkbench.core.Message;

/** What one input line means, before anything is written. */
final class Records {
    private Records() {
    }

    /** A prompt as read: text, plus the conversation when it came as messages, and its reference answer (or null). */
    record PromptIn(String text, List<Message> messages, String reference) {
        PromptIn(String text, List<Message> messages) {
            this(text, messages, null);
        }

        static PromptIn plain(String text) {
            return new PromptIn(text, List.of());
        }

        PromptIn withReference(String ref) {
            return new PromptIn(text, messages, ref);
        }
    }

    /** A response as read, with its external score when the file had one. */
    record ResponseIn(String text, Double score) {
    }

    sealed interface RecordIn permits PromptOnly, SftIn, PreferenceIn {
    }

    record PromptOnly(PromptIn prompt) implements RecordIn {
    }

    record SftIn(PromptIn prompt, String completion) implements RecordIn {
    }

    /** K responses with their ranks (1 = best, equal = tie), e.g. chosen=1, rejected=2. */
    record PreferenceIn(PromptIn prompt, List<ResponseIn> responses, List<Integer> ranks) implements RecordIn {
    }
}

package org.rlhfworkbench.jobs.label;

import java.util.List;
import org.rlhfworkbench.core.Message;

/**
 * One prompt to label and its K responses in the order shown (randomised per prompt; the order
 * is stored with the decision). Model names are not part of it: labeling is blind.
 *
 * @param rankingId set when this item reopens an earlier decision, else null
 * @param turns     the prompt as turns ({@link PromptTurns}): a conversation's messages, or one user turn
 */
public record LabelItem(long promptId, String promptText, List<ResponseStream> responses, Long rankingId,
                        List<Message> turns) {
    public LabelItem {
        responses = List.copyOf(responses);
        turns = turns == null || turns.isEmpty() ? List.of(Message.user(promptText)) : List.copyOf(turns);
    }

    /** A plain prompt: one user turn. */
    public LabelItem(long promptId, String promptText, List<ResponseStream> responses, Long rankingId) {
        this(promptId, promptText, responses, rankingId, List.of());
    }

    /** The same prompt and responses as a fresh item (no earlier decision). */
    public LabelItem fresh() {
        return new LabelItem(promptId, promptText, responses, null, turns);
    }
}

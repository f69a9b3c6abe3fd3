package org.rlhfworkbench.core;

/**
 * One message of a conversation tree. Siblings (same parent) are branches: a regenerated or
 * edited assistant turn, or a different user message, next to the earlier one.
 *
 * @param parentId the turn it answers or follows, null for the first turn
 * @param role "user" or "assistant"
 * @param modelId for an assistant turn sampled by a model, that model; else null
 * @param promptId for an assistant turn, the project prompt holding the conversation before it
 * @param generationId for an assistant turn, its generation row (ratings and rankings refer to it)
 */
public record ChatTurn(long id, long conversationId, Long parentId, String role, String content, Long modelId,
                       Long promptId, Long generationId, boolean flagged, String flagNote) {

    public boolean isAssistant() {
        return "assistant".equals(role);
    }
}

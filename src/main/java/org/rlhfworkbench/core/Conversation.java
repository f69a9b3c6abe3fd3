package org.rlhfworkbench.core;

/**
 * A chat with a model of the project; its turns form a tree ({@link ChatTurn#parentId}).
 *
 * @param modelId the model it was started with, null when unknown
 * @param systemPrompt optional system message put before every turn, or null
 */
public record Conversation(long id, String title, Long modelId, String systemPrompt) {
}

package org.rlhfworkbench.jobs.chat;

import java.util.List;
import java.util.Map;
import org.rlhfworkbench.core.Conversation;
import org.rlhfworkbench.core.ModelEntry;
import org.rlhfworkbench.jobs.eval.Sampling;
import org.rlhfworkbench.jobs.label.ResponseStream;

/**
 * What the Chat tab needs: conversations stored as trees, replies streamed from any project
 * model, and feedback on any assistant turn (ranking of alternatives, correction, ratings,
 * flag). Every assistant turn's prompt is the conversation before it, stored as a project prompt
 * with its message list, so SFT, the reward model, PPO and DPO can use it. Every method may
 * block: call through a BackgroundExecutor. Thread-safe.
 */
public interface ChatService extends AutoCloseable {
    /** The annotator of everything the chat stores. */
    String ANNOTATOR = "human";
    /** The criterion a thumbs up (5) or down (1) is stored under. */
    String THUMBS = "thumbs";

    /** Models that can talk (base, SFT, policy). */
    List<ModelEntry> models();

    /** Newest first. */
    List<Conversation> conversations();

    long create(String title, Long modelId, String systemPrompt);

    ChatTree open(long conversationId);

    /**
     * Stores a user turn under {@code parentTurnId} (null: first turn) and starts {@code k}
     * assistant replies to it (k > 1: alternatives to rank). Each reply becomes an assistant turn
     * when complete (Esc keeps what was said so far).
     */
    List<ResponseStream> send(long conversationId, Long parentTurnId, String userText, long modelId, Sampling s, int k);

    /** {@code k} more assistant replies at the place of {@code assistantTurnId}, as new branches beside it. */
    List<ResponseStream> regenerate(long assistantTurnId, long modelId, Sampling s, int k);

    /** Ranks sibling assistant turns (1 best, ties share a rank): one ranking whose prompt is the conversation so far. */
    long rank(Map<Long, Integer> ranksByTurn);

    /** A corrected assistant turn: stored as a demonstration (a correction) and as a new branch; returns its turn id. */
    long correct(long assistantTurnId, String text);

    /** A 1-5 rating of an assistant turn on a criterion (or {@link #THUMBS}). */
    void rate(long assistantTurnId, String criterion, int value);

    void flag(long turnId, boolean flagged, String note);

    /** The conversation down to {@code assistantTurnId} as a multi-turn demonstration; returns its id. */
    long saveDemonstration(long assistantTurnId);

    /** Stops the reply being generated (Esc); what it said so far is kept. */
    void stop();

    @Override
    void close();
}

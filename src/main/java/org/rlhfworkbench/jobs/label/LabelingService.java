package org.rlhfworkbench.jobs.label;

import java.util.List;
import java.util.Optional;

/**
 * What the labeling view needs from the project and the policy model. Every method may block
 * (database, model): the view model calls them through a BackgroundExecutor, never on the FX
 * thread. Implementations are thread-safe.
 */
public interface LabelingService extends AutoCloseable {

    /** K, rating criteria, guidelines, whether ratings are on. */
    LabelSettings settings();

    /**
     * The next prompt without a decision, with its K responses already generating (prefetched
     * in the background for the prompts after it). Empty when every prompt has a decision.
     */
    Optional<LabelItem> next();

    /** Stores a decision in one transaction (ranking + entries, ratings, demonstrations); returns the ranking id. */
    long submit(LabelDecision decision);

    /** Replaces an earlier decision (reopened from the history panel), in one transaction. */
    void replace(long rankingId, LabelDecision decision);

    /** Removes an earlier decision and what it wrote (undo), in one transaction. */
    void undo(long rankingId);

    /** The item of an earlier decision, with its stored responses, to reopen it. */
    LabelItem reopen(long rankingId);

    /**
     * The prompt {@code promptId}, to label it out of turn (the prompt browser): its newest decision
     * reopened when it has one (the item's rankingId is set; submitting replaces it), else its K
     * responses generating as {@link #next()} would.
     */
    default LabelItem open(long promptId) {
        throw new UnsupportedOperationException("this labeling service cannot open a chosen prompt");
    }

    /** The last {@code n} decisions, newest first. */
    List<HistoryEntry> history(int n);

    /** Labeled / total prompts, pairs so far, labeling rate. */
    LabelProgress progress();

    /** The model, K, sampling and prompt format that generate the next prompt's answers, and the models to choose from. */
    default GeneratorOptions generator() {
        return GeneratorOptions.none();
    }

    /**
     * Makes {@code settings} generate from the next prompt on (stored in the project); the shown
     * prompt keeps its answers.
     *
     * @throws IllegalArgumentException naming what is wrong (unknown model, chat format without a chat template)
     */
    default void setGenerator(GeneratorSettings settings) {
        throw new UnsupportedOperationException("this labeling service has a fixed generator");
    }

    /** Tokens of an edited answer in the generating model's tokenizer, or -1 when unknown. */
    default int countTokens(String text) {
        return -1;
    }

    @Override
    void close();
}

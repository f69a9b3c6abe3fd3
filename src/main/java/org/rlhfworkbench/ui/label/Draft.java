package org.rlhfworkbench.ui.label;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.rlhfworkbench.core.RankingStatus;
import org.rlhfworkbench.jobs.label.LabelDecision;
import org.rlhfworkbench.jobs.label.LabelItem;
import org.rlhfworkbench.jobs.label.ResponseStream;

/**
 * The labeler's work on one prompt: its cards in the shown order, the ranking, corrections,
 * ratings, written answer. {@code replacing} is the stored decision this draft will replace
 * (reopened from the history), else null.
 */
final class Draft {
    private final LabelItem item;
    private final Long replacing;
    private final List<CardModel> cards = new ArrayList<>();
    private RankingState ranking;
    private String writtenAnswer;

    Draft(LabelItem item, Long replacing, List<String> criteria) {
        this.item = item;
        this.replacing = replacing;
        item.responses().stream().sorted(Comparator.comparingInt(ResponseStream::slot))
                .forEach(stream -> cards.add(new CardModel(stream, criteria)));
        this.ranking = new RankingState(cards.size());
    }

    /** Starts all streams; their text waits in the cards' buffers for the next drain. */
    Draft attach() {
        cards.forEach(CardModel::attach);
        return this;
    }

    /** Puts an earlier decision of this session back (undo, reopen), when it was made on the same responses. */
    void restore(LabelDecision earlier) {
        List<Long> ids = cards.stream().map(c -> c.generationId() == null ? -1L : c.generationId()).toList();
        if (earlier == null || !earlier.shownGenerationIds().equals(ids)) {
            return;
        }
        ranking = RankingState.ofRanks(earlier.ranks());
        writtenAnswer = earlier.writtenAnswer();
        for (CardModel card : cards) {
            card.setCorrection(earlier.corrections().get(card.slot()));
            Map<String, Integer> rated = earlier.ratings().get(card.slot());
            card.ratings().forEach((criterion, value) -> value.set(rated.getOrDefault(criterion, 0)));
        }
    }

    LabelItem item() {
        return item;
    }

    Long replacing() {
        return replacing;
    }

    List<CardModel> cards() {
        return cards;
    }

    RankingState ranking() {
        return ranking;
    }

    String writtenAnswer() {
        return writtenAnswer;
    }

    void setWrittenAnswer(String text) {
        writtenAnswer = text;
    }

    boolean allDone() {
        return cards.stream().allMatch(c -> c.generationId() != null);
    }

    void refreshBadges() {
        cards.forEach(card -> card.setBadge(ranking.badge(card.slot())));
    }

    /**
     * The decision as it goes to the service. Ranks are kept for RANKED and FLAGGED, cleared for
     * SKIPPED and ALL_BAD; ratings are dropped for SKIPPED and when ratings are off; corrections and
     * the written answer always go along (they are demonstrations whatever the status).
     */
    LabelDecision decision(RankingStatus status, String note, boolean ratingsEnabled) {
        List<Integer> ranks = status == RankingStatus.RANKED || status == RankingStatus.FLAGGED
                ? ranking.ranks() : Collections.nCopies(cards.size(), null);
        boolean rated = ratingsEnabled && status != RankingStatus.SKIPPED;
        List<Map<String, Integer>> ratings = cards.stream()
                .map(card -> rated ? card.ratingValues() : Map.<String, Integer>of()).toList();
        List<String> corrections = cards.stream().map(card -> card.correctionProperty().get()).toList();
        List<Long> ids = cards.stream().map(CardModel::generationId).toList();
        return new LabelDecision(item.promptId(), ids, ranks, status, note, ratings, corrections, writtenAnswer);
    }
}

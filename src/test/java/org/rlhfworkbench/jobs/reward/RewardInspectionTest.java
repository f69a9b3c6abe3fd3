package org.rlhfworkbench.jobs.reward;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/**
 * Three held-out prompts, worked by hand:
 * A: ranks 1,2,3, scores .9 .1 .5 -> pairs (a1>a2) right, (a1>a3) right, (a2>a3) wrong;
 * B: ranks 1,unranked, scores .2 .3 -> (b1>b2) wrong;
 * C: ranks 1,1,2 (a tie), scores .5 .4 .6 -> (c1>c3) wrong, (c2>c3) wrong; the tie gives no pair.
 */
class RewardInspectionTest {

    static ScoredGroup group(long id, List<Integer> ranks, double... scores) {
        List<Long> ids = LongStream.range(0, scores.length).map(i -> id * 10 + i).boxed().toList();
        List<String> texts = ids.stream().map(i -> "answer " + i).toList();
        return new ScoredGroup(id, "prompt " + id, ids, texts, ranks, scores);
    }

    static RewardInspection example() {
        return RewardInspection.of(List.of(
                group(1, List.of(1, 2, 3), 0.9, 0.1, 0.5),
                group(2, Arrays.asList(1, null), 0.2, 0.3),
                group(3, List.of(1, 1, 2), 0.5, 0.4, 0.6)));
    }

    @Test
    void overallAccuracyCountsEveryTrainingPair() {
        RewardInspection r = example();

        assertThat(r.overall().correct()).isEqualTo(2);
        assertThat(r.overall().pairs()).isEqualTo(6);
        assertThat(r.prompts()).extracting(RewardInspection.PromptResult::correct, RewardInspection.PromptResult::pairs)
                .containsExactly(tuple(2, 3), tuple(0, 1), tuple(0, 2));
    }

    @Test
    void accuracyByK() {
        assertThat(example().byK()).containsExactly(
                new RewardInspection.Accuracy("K = 2", 0, 1),
                new RewardInspection.Accuracy("K = 3", 2, 5));
    }

    @Test
    void accuracyByRankingPositionCountsEachPairForBothOfItsResponses() {
        // rank 1: A(1>2) ok, A(1>3) ok, B(1>u) no, C(1>3) no twice -> 2/5
        // rank 2: A(1>2) ok, A(2>3) no, C's two pairs with its rank-2 response no -> 1/4
        // rank 3: A(1>3) ok, A(2>3) no -> 1/2; unranked: B -> 0/1
        assertThat(example().byPosition()).containsExactly(
                new RewardInspection.Accuracy("pairs with rank 1", 2, 5),
                new RewardInspection.Accuracy("pairs with rank 2", 1, 4),
                new RewardInspection.Accuracy("pairs with rank 3", 1, 2),
                new RewardInspection.Accuracy("pairs with an unranked response", 0, 1));
    }

    @Test
    void accuracyByRankGap() {
        assertThat(example().byGap()).containsExactly(
                new RewardInspection.Accuracy("rank gap 1", 1, 4),
                new RewardInspection.Accuracy("rank gap 2", 1, 1),
                new RewardInspection.Accuracy("ranked vs unranked", 0, 1));
    }

    @Test
    void responsesInAMisorderedPairAreMarkedAndGetTheirRmRank() {
        RewardInspection r = example();

        assertThat(r.prompts().get(0).responses()).extracting(RewardInspection.ResponseResult::rmRank,
                RewardInspection.ResponseResult::contradicted).containsExactly(tuple(1, false), tuple(3, true), tuple(2, true));
        assertThat(r.prompts().get(2).responses()).allMatch(RewardInspection.ResponseResult::contradicted);
        assertThat(r.prompts().get(1).responses().get(1).rank()).isNull();
    }

    @Test
    void marginsAreWinnerMinusLoserForEveryPair() {
        assertThat(example().margins()).containsExactly(new double[] {0.8, 0.4, -0.4, -0.1, -0.1, -0.2}, within(1e-12));
    }

    @Test
    void scoreStatisticsCoverEveryResponse() {
        RewardInspection r = example();
        double mean = (0.9 + 0.1 + 0.5 + 0.2 + 0.3 + 0.5 + 0.4 + 0.6) / 8;

        assertThat(r.scoreMean()).isCloseTo(mean, within(1e-12));
        assertThat(r.scoreStd()).isPositive();
    }

    @Test
    void noPromptsGiveNoPairsAndNaNAccuracy() {
        RewardInspection r = RewardInspection.of(List.of());

        assertThat(r.overall().pairs()).isZero();
        assertThat(r.overall().value()).isNaN();
        assertThat(r.margins()).isEmpty();
    }
}

package org.rlhfworkbench.train.grpo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * One group of k = 4 answers with scores s = [1, 2, 3, 6] and lengths [2, 1, 1, 1] (width 2, so
 * row-major token arrays are [row0 t0, row0 t1, row1 t0, pad, row2 t0, pad, row3 t0, pad]).
 * mean(s) = 3, deviations d = [-2, -1, 0, 3], sum d^2 = 14, sample std = sqrt(14 / 3) = 2.1602469.
 */
class AdvantageEstimatorTest {
    static final double[] S = {1, 2, 3, 6};
    static final int[] LEN = {2, 1, 1, 1};

    static AdvantageInput in() {
        return AdvantageInput.outcome(S, 4, LEN, 2);
    }

    @Test
    void grpoDividesTheDeviationFromTheGroupMeanByTheGroupStd() {
        // A = d / (2.1602469 + 1e-4) = [-0.9257772, -0.4628886, 0, 1.3886659], on every real token
        float[] a = AdvantageEstimator.parse("grpo").advantages(in());
        assertThat(a).containsExactly(new float[] {-0.9257772f, -0.9257772f, -0.4628886f, 0, 0, 0, 1.3886659f, 0},
                within(1e-6f));
    }

    @Test
    void drGrpoKeepsTheDeviationUnscaled() {
        float[] a = AdvantageEstimator.parse("dr_grpo").advantages(in());
        assertThat(a).containsExactly(-2, -2, -1, 0, 0, 0, 3, 0);
    }

    @Test
    void rlooSubtractsTheMeanOfTheOtherAnswers() {
        // sum = 12: 1 - 11/3 = -2.6666667, 2 - 10/3 = -1.3333333, 3 - 9/3 = 0, 6 - 6/3 = 4
        float[] a = AdvantageEstimator.parse("rloo").advantages(in());
        assertThat(a).containsExactly(new float[] {-2.6666667f, -2.6666667f, -1.3333333f, 0, 0, 0, 4, 0},
                within(1e-6f));
    }

    @Test
    void reinforcePlusPlusWhitensTheReturnsOverEveryTokenOfTheBatch() {
        // gamma 1, the score on the last token: returns G = [1, 1 | 2 | 3 | 6] over the 5 real tokens;
        // mean 2.6, deviations [-1.6, -1.6, -0.6, 0.4, 3.4], sum of squares 17.2, sample std sqrt(17.2 / 4) = 2.0736441
        float[] a = AdvantageEstimator.parse("reinforce++").advantages(in());
        assertThat(a).containsExactly(new float[] {-0.7715885f, -0.7715885f, -0.2893457f, 0, 0.1928971f, 0,
                1.6396256f, 0}, within(1e-6f));
    }

    @Test
    void reinforcePlusPlusDiscountsPerTokenRewards() {
        // two rows of 3 tokens, scores [2, 0] on the last tokens: row0 r = [0, -1, 2], row1 r = [1, 0, 0]
        // gamma 0.5: row0 G = [0 + 0.5(-1 + 0.5*2), -1 + 0.5*2, 2] = [0, 0, 2]; row1 G = [1, 0, 0]
        // mean 0.5, deviations [-0.5, -0.5, 1.5, 0.5, -0.5, -0.5], sum sq 3.5, std sqrt(3.5 / 5) = 0.83666
        float[] tokenRewards = {0, -1, 0, 1, 0, 0};
        AdvantageInput in = new AdvantageInput(new double[] {2, 0}, 1, tokenRewards, null, new int[] {3, 3}, 3, 0.5, 1);
        float[] a = new ReinforcePlusPlus().advantages(in);
        float u = (float) (0.5 / Math.sqrt(0.7));
        assertThat(a).containsExactly(new float[] {-u, -u, 3 * u, u, -u, -u}, within(1e-5f));
    }

    @Test
    void klInTheRewardLowersAnAnswersReturnBeforeTheGroupBaseline() {
        // k = 2, scores [1, 0]; row0 pays -0.5 on each of its 2 tokens: returns [0, 0] -> RLOO advantages 0
        AdvantageInput in = new AdvantageInput(new double[] {1, 0}, 2, new float[] {-0.5f, -0.5f, 0, 0}, null,
                new int[] {2, 1}, 2, 1, 1);
        assertThat(new Rloo().advantages(in)).containsExactly(0, 0, 0, 0);
    }

    @Test
    void gaeUsesTheCriticsValuesAndOnlyItNeedsOne() {
        // one row of 2 tokens, score 1 on the last, V = [0.5, 0.2], gamma 1, lambda 0.95:
        // delta_1 = 1 - 0.2 = 0.8, A_1 = 0.8; delta_0 = 0.2 - 0.5 = -0.3, A_0 = -0.3 + 0.95 * 0.8 = 0.46;
        // whitened over [0.46, 0.8]: mean 0.63, std sqrt(2 * 0.17^2) = 0.2404163 -> [-0.7071068, 0.7071068]
        AdvantageEstimator gae = AdvantageEstimator.parse("gae");
        assertThat(gae.needsCritic()).isTrue();
        assertThat(AdvantageEstimator.parse("grpo").needsCritic()).isFalse();
        float[] a = gae.advantages(new AdvantageInput(new double[] {1}, 1, null, new float[] {0.5f, 0.2f},
                new int[] {2}, 2, 1, 0.95));
        assertThat(a).containsExactly(new float[] {-0.7071068f, 0.7071068f}, within(1e-5f));
        assertThatThrownBy(() -> gae.advantages(in())).hasMessageContaining("needs values from a critic");
    }

    @Test
    void anUnknownEstimatorIsNamed() {
        assertThatThrownBy(() -> AdvantageEstimator.parse("ppo2")).hasMessageContaining("unknown advantage estimator ppo2");
    }
}

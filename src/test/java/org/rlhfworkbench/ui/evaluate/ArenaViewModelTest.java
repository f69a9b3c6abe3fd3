package org.rlhfworkbench.ui.evaluate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.rlhfworkbench.core.Winner;
import org.rlhfworkbench.jobs.SameThreadBackgroundExecutor;
import org.rlhfworkbench.jobs.eval.ArenaResults.PairRow;
import org.rlhfworkbench.jobs.eval.Side;

/** The arena state machine: votes by side become A/B verdicts through the stored order, undo, skip, reveal. */
class ArenaViewModelTest {
    private final FakeArena arena = new FakeArena(4);
    private final ArenaViewModel vm = new ArenaViewModel(new SameThreadBackgroundExecutor(), arena);

    private void startJudging() {
        vm.projectChanged();
        vm.start();
    }

    @Test
    void setupOffersGeneratingModelsWithTheTwoNewestTicked() {
        vm.projectChanged();
        assertThat(vm.phaseProperty().get()).isEqualTo(ArenaViewModel.Phase.SETUP);
        assertThat(vm.setup().models()).extracting(o -> o.model().name()).containsExactly("beta", "alpha");
        assertThat(vm.setup().models()).allMatch(o -> o.selectedProperty().get());
        vm.setup().models().get(0).selectedProperty().set(false);
        vm.start();
        assertThat(vm.phaseProperty().get()).isEqualTo(ArenaViewModel.Phase.SETUP);
        assertThat(vm.statusProperty().get()).isEqualTo("Tick two or more models to compare.");
    }

    @Test
    void aVoteBySideIsStoredInModelTermsAndTheNextPairShowsAtOnce() {
        startJudging();
        assertThat(vm.phaseProperty().get()).isEqualTo(ArenaViewModel.Phase.JUDGING);
        assertThat(vm.promptProperty().get()).isEqualTo("Prompt 0?");
        assertThat(vm.leftProperty().get()).isEqualTo(FakeArena.leftText(0));
        assertThat(arena.openedWith.models()).containsExactlyInAnyOrder(1L, 2L);

        vm.cycleCriterion(0);                 // helpfulness: left
        vm.reasonProperty().set("more correct");
        vm.vote(Side.LEFT);                   // pair 0 not swapped: left is alpha = model A
        assertThat(vm.promptProperty().get()).isEqualTo("Prompt 1?");
        assertThat(vm.reasonProperty().get()).isEmpty();
        assertThat(vm.criteria()).allMatch(c -> c.sideProperty().get() == null);
        vm.vote(Side.LEFT);                   // pair 1 swapped: left is beta = model B

        assertThat(arena.stored).extracting(FakeArena.Stored::winner).containsExactly(Winner.A, Winner.B);
        assertThat(arena.stored.get(0).criteria()).isEqualTo(Map.of("helpfulness", Winner.A));
        assertThat(arena.stored.get(0).reason()).isEqualTo("more correct");
        assertThat(vm.votesProperty().get()).isEqualTo(2);
    }

    @Test
    void undoTakesTheLastVoteBackAndShowsItsPairAgain() {
        startJudging();
        vm.vote(Side.RIGHT);
        vm.vote(Side.TIE);
        assertThat(vm.promptProperty().get()).isEqualTo("Prompt 2?");
        vm.undo();
        assertThat(arena.stored).extracting(FakeArena.Stored::key).containsExactly(0L);
        assertThat(vm.promptProperty().get()).isEqualTo("Prompt 1?");
        assertThat(vm.leftProperty().get()).isEqualTo(FakeArena.leftText(1));
        vm.vote(Side.BOTH_BAD);
        assertThat(vm.promptProperty().get()).isEqualTo("Prompt 2?");   // the pair undo set aside comes back
        assertThat(arena.stored).extracting(FakeArena.Stored::winner).containsExactly(Winner.B, Winner.BOTH_BAD);
    }

    @Test
    void skipStoresNothingAndTheLastPairFinishesTheSessionWithNamesInTheResults() {
        startJudging();
        vm.skip();
        vm.vote(Side.LEFT);    // pair 1 swapped: B
        vm.vote(Side.LEFT);    // pair 2: A
        vm.vote(Side.RIGHT);   // pair 3 swapped: A
        assertThat(arena.skipped).containsExactly(0L);
        assertThat(vm.phaseProperty().get()).isEqualTo(ArenaViewModel.Phase.FINISHED);
        List<PairRow> pairs = vm.results().resultsProperty().get().pairs();
        assertThat(pairs).hasSize(1);
        assertThat(pairs.get(0).modelA()).isEqualTo("alpha");
        assertThat(pairs.get(0).winsA()).isEqualTo(2);
        assertThat(pairs.get(0).winsB()).isEqualTo(1);
        vm.undo();
        assertThat(vm.phaseProperty().get()).isEqualTo(ArenaViewModel.Phase.JUDGING);
        assertThat(vm.promptProperty().get()).isEqualTo("Prompt 3?");
    }

    @Test
    void keysMapToVotesOnlyWhileJudging() {
        vm.projectChanged();
        assertThat(ArenaKeys.handle(vm, javafx.scene.input.KeyCode.DIGIT1, false, false)).isFalse();
        vm.start();
        assertThat(ArenaKeys.handle(vm, javafx.scene.input.KeyCode.DIGIT3, false, false)).isTrue();
        assertThat(ArenaKeys.handle(vm, javafx.scene.input.KeyCode.DIGIT2, true, false)).isTrue();
        assertThat(vm.criteria().get(1).sideProperty().get()).isEqualTo(Side.LEFT);
        assertThat(ArenaKeys.handle(vm, javafx.scene.input.KeyCode.Z, false, true)).isTrue();
        assertThat(arena.stored).isEmpty();
        assertThat(ArenaKeys.handle(vm, javafx.scene.input.KeyCode.Q, false, false)).isFalse();
    }
}

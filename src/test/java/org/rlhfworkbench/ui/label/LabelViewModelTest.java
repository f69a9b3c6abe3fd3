package org.rlhfworkbench.ui.label;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.rlhfworkbench.core.RankingStatus;
import org.rlhfworkbench.jobs.SameThreadBackgroundExecutor;
import org.rlhfworkbench.jobs.label.LabelDecision;

/** The ranking state machine through the keys, checked by the exact decision the service receives. */
class LabelViewModelTest {
    private static final List<Long> IDS_1 = List.of(10L, 11L, 12L, 13L);
    private static final List<Map<String, Integer>> NO_RATINGS = Collections.nCopies(4, Map.of());
    private static final List<String> NO_CORRECTIONS = Collections.nCopies(4, null);

    private final FakeLabelingService service = FakeLabelingService.complete(4, 3);
    private final KeyMapStore store = KeyMapStore.inMemory(KeyMap.defaults());
    private final LabelViewModel vm = new LabelViewModel(new SameThreadBackgroundExecutor(), store);

    private static List<Integer> ranks(Integer... values) {
        return Arrays.asList(values);
    }

    private static LabelDecision ranked(List<Integer> ranks) {
        return new LabelDecision(1, IDS_1, ranks, RankingStatus.RANKED, null, NO_RATINGS, NO_CORRECTIONS, null);
    }

    private void keys(String... strokes) {
        for (String stroke : strokes) {
            vm.handleKey(KeyStroke.parse(stroke));
        }
    }

    private void openFirst() {
        vm.open(service);
        assertThat(vm.screen().phaseProperty().get()).isEqualTo(Phase.LABELING);
    }

    @Test
    void numberKeysRankBestFirstAndEnterSubmits() {
        openFirst();
        keys("DIGIT3", "DIGIT1", "DIGIT2", "DIGIT4", "ENTER");

        assertThat(service.submitted).containsExactly(ranked(ranks(2, 3, 1, 4)));
        assertThat(vm.screen().promptProperty().get()).isEqualTo("Prompt number 2?");
    }

    @Test
    void tieKeyJoinsTheNextCardToTheCurrentRank() {
        openFirst();
        keys("DIGIT3", "EQUALS", "DIGIT1", "DIGIT2");
        assertThat(vm.screen().rankingSummaryProperty().get()).isEqualTo("3 = 1 > 2");
        assertThat(vm.cards().get(0).badgeProperty().get()).isEqualTo("1=");
        keys("ENTER");

        assertThat(service.last()).isEqualTo(ranked(ranks(1, 2, 1, null)));
    }

    @Test
    void tKeyTiesToo() {
        openFirst();
        keys("DIGIT2", "DIGIT4", "T", "DIGIT1", "ENTER");

        assertThat(service.last().ranks()).isEqualTo(ranks(2, 1, null, 2));
    }

    @Test
    void partialRankingLeavesTheRestUnranked() {
        openFirst();
        keys("NUMPAD2", "ENTER");

        assertThat(service.last()).isEqualTo(ranked(ranks(null, 1, null, null)));
    }

    @Test
    void backspaceTakesBackTheLastRankingKey() {
        openFirst();
        keys("DIGIT3", "DIGIT1", "BACK_SPACE", "DIGIT2", "EQUALS", "BACK_SPACE", "DIGIT4", "ENTER");

        assertThat(service.last().ranks()).isEqualTo(ranks(null, 2, 1, 3));
    }

    @Test
    void deleteClearsTheRanking() {
        openFirst();
        keys("DIGIT3", "DIGIT1", "DELETE", "DIGIT4", "ENTER");

        assertThat(service.last().ranks()).isEqualTo(ranks(null, null, null, 1));
    }

    @Test
    void enterWithoutAnyRankAsksForOne() {
        openFirst();
        keys("ENTER");

        assertThat(service.submitted).isEmpty();
        assertThat(vm.screen().messageProperty().get()).contains("Rank at least one");
    }

    @Test
    void cardNumberAboveKIsRefused() {
        openFirst();
        keys("DIGIT7");

        assertThat(vm.screen().rankingSummaryProperty().get()).isEmpty();
        assertThat(vm.screen().messageProperty().get()).contains("only 4 responses");
    }

    @Test
    void skipSubmitsAtOnceWithoutRanks() {
        openFirst();
        keys("DIGIT1", "S");

        assertThat(service.submitted).containsExactly(new LabelDecision(1, IDS_1, Collections.nCopies(4, null),
                RankingStatus.SKIPPED, null, NO_RATINGS, NO_CORRECTIONS, null));
    }

    @Test
    void allBadSubmitsAtOnce() {
        openFirst();
        keys("B");

        assertThat(service.submitted).containsExactly(new LabelDecision(1, IDS_1, Collections.nCopies(4, null),
                RankingStatus.ALL_BAD, null, NO_RATINGS, NO_CORRECTIONS, null));
    }

    @Test
    void flagWithNoteSubmitsTheNoteAndKeepsTheRanking() {
        openFirst();
        keys("DIGIT2", "F");
        assertThat(vm.editor().kindProperty().get()).isEqualTo(EditorModel.Kind.FLAG_NOTE);
        assertThat(vm.handleKey(KeyStroke.of(KeyCode.DIGIT1))).as("digits go to the note").isFalse();
        vm.editor().textProperty().set("  prompt asks for medical advice \n");
        keys("Shortcut+ENTER");

        assertThat(service.submitted).containsExactly(new LabelDecision(1, IDS_1, ranks(null, 1, null, null),
                RankingStatus.FLAGGED, "prompt asks for medical advice", NO_RATINGS, NO_CORRECTIONS, null));
    }

    @Test
    void flagWithoutNoteStoresNoNote() {
        openFirst();
        keys("F", "Shortcut+ENTER");

        assertThat(service.last().status()).isEqualTo(RankingStatus.FLAGGED);
        assertThat(service.last().note()).isNull();
    }

    @Test
    void escapeClosesTheFlagEditorWithoutSubmitting() {
        openFirst();
        keys("F", "ESCAPE");

        assertThat(vm.editor().isOpen()).isFalse();
        assertThat(service.submitted).isEmpty();
    }

    @Test
    void editSavesACorrectionOfThatResponse() {
        openFirst();
        keys("E", "DIGIT2");
        assertThat(vm.editor().textProperty().get()).isEqualTo("answer 1.2 says something");
        vm.editor().textProperty().set("answer 1.2 says something better");
        keys("Shortcut+ENTER", "DIGIT2", "DIGIT1", "ENTER");

        assertThat(service.last()).isEqualTo(new LabelDecision(1, IDS_1, ranks(2, 1, null, null), RankingStatus.RANKED,
                null, NO_RATINGS, Arrays.asList(null, "answer 1.2 says something better", null, null), null));
    }

    @Test
    void editWithUnchangedTextIsNoCorrection() {
        openFirst();
        keys("E", "DIGIT1", "Shortcut+ENTER", "DIGIT1", "ENTER");

        assertThat(service.last().corrections()).isEqualTo(NO_CORRECTIONS);
    }

    @Test
    void correctedTextIsShownOnTheCard() {
        openFirst();
        vm.edit(0);
        vm.editor().textProperty().set("fixed");
        vm.saveEditor();

        assertThat(vm.cards().get(0).displayTextBinding().get()).isEqualTo("fixed");
        assertThat(ResponseCard.lengthText(vm.cards().get(0))).isEqualTo("edited: 2 tokens · 1 word (was 1 token)");
    }

    @Test
    void ownAnswerGoesWithTheDecision() {
        openFirst();
        keys("W");
        vm.editor().textProperty().set("My own, better answer.");
        keys("Shortcut+ENTER", "B");

        assertThat(service.last()).isEqualTo(new LabelDecision(1, IDS_1, Collections.nCopies(4, null),
                RankingStatus.ALL_BAD, null, NO_RATINGS, NO_CORRECTIONS, "My own, better answer."));
    }

    @Test
    void ratingKeysRateOneCardPerCriterion() {
        FakeLabelingService rated = new FakeLabelingService(FakeLabelingService.settings(2, true))
                .add(FakeLabelingService.completeItem(7, 2));
        vm.open(rated);
        keys("R", "DIGIT2", "DIGIT5", "DIGIT4", "DIGIT3", "DIGIT1", "ENTER");

        assertThat(rated.last()).isEqualTo(new LabelDecision(7, List.of(70L, 71L), ranks(1, null), RankingStatus.RANKED,
                null, List.of(Map.of(), Map.of("helpfulness", 5, "harmlessness", 4, "honesty", 3)),
                Arrays.asList(null, null), null));
    }

    @Test
    void ratingsAreOffWhenTheProjectSaysSo() {
        openFirst();
        vm.rate(0, "helpfulness", 4);
        keys("R", "DIGIT1", "ENTER");

        assertThat(vm.screen().ratingsEnabledProperty().get()).isFalse();
        assertThat(service.last().ratings()).isEqualTo(NO_RATINGS);
    }

    @Test
    void remappedKeysRankTieAndSubmitAndAreStored() {
        KeyMap remapped = KeyMap.defaults()
                .with(LabelAction.TIE, List.of(KeyStroke.of(KeyCode.Q)))
                .with(LabelAction.SUBMIT, List.of(KeyStroke.parse("Shortcut+S")))
                .with(LabelAction.CARD_1, List.of(KeyStroke.of(KeyCode.J)));
        vm.keySettings().set(remapped);
        openFirst();
        keys("DIGIT3", "EQUALS", "Q", "J", "DIGIT4", "ENTER");
        assertThat(service.submitted).isEmpty();
        keys("Shortcut+S");

        assertThat(service.last()).isEqualTo(ranked(ranks(1, null, 1, 2)));
        assertThat(store.load()).isEqualTo(remapped);
        assertThat(new LabelViewModel(new SameThreadBackgroundExecutor(), store).keySettings().get()).isEqualTo(remapped);
    }
}

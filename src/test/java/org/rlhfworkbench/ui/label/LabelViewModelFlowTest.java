package org.rlhfworkbench.ui.label;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.rlhfworkbench.core.RankingStatus;
import org.rlhfworkbench.jobs.SameThreadBackgroundExecutor;
import org.rlhfworkbench.jobs.label.HistoryEntry;
import org.rlhfworkbench.jobs.label.LabelDecision;
import org.rlhfworkbench.jobs.label.LabelItem;
import org.rlhfworkbench.jobs.label.ResponseStream;

/** Undo, reopen, streaming, empty states, history, diff and help of the labeling view model. */
class LabelViewModelFlowTest {
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
    void undoDecisionReopensItAsDecidedAndThenReturnsToTheCurrentPrompt() {
        openFirst();
        keys("DIGIT3", "DIGIT1", "ENTER");
        assertThat(vm.screen().promptProperty().get()).isEqualTo("Prompt number 2?");
        keys("DIGIT2");
        keys("Shortcut+Z");

        assertThat(service.undone).containsExactly(100L);
        assertThat(vm.screen().promptProperty().get()).isEqualTo("Prompt number 1?");
        assertThat(vm.screen().rankingSummaryProperty().get()).isEqualTo("3 > 1");
        keys("DIGIT2", "ENTER");
        assertThat(service.last()).isEqualTo(ranked(ranks(2, 3, 1, null)));
        assertThat(vm.screen().promptProperty().get()).isEqualTo("Prompt number 2?");
        assertThat(vm.screen().rankingSummaryProperty().get()).as("the set-aside work is kept").isEqualTo("2");
        assertThat(service.nextCalls()).isEqualTo(2);
    }

    @Test
    void undoWithNothingDecidedSaysSo() {
        openFirst();
        keys("Shortcut+Z");

        assertThat(service.undone).isEmpty();
        assertThat(vm.screen().messageProperty().get()).contains("Nothing to undo");
    }

    @Test
    void reopeningFromTheHistoryReplacesTheDecision() {
        openFirst();
        keys("DIGIT1", "ENTER", "DIGIT2", "ENTER");
        assertThat(vm.history().shown()).extracting(e -> e.promptId()).containsExactly(2L, 1L);

        vm.reopen(vm.history().shown().get(1));
        assertThat(vm.screen().promptProperty().get()).isEqualTo("Prompt number 1?");
        assertThat(vm.screen().reopenedProperty().get()).contains("Changing an earlier decision");
        keys("DELETE", "DIGIT4", "DIGIT1", "ENTER");

        assertThat(service.replaced).containsOnlyKeys(100L);
        assertThat(service.replaced.get(100L)).isEqualTo(ranked(ranks(2, null, null, 1)));
        assertThat(service.submitted).hasSize(2);
        assertThat(vm.screen().promptProperty().get()).isEqualTo("Prompt number 3?");
        assertThat(vm.screen().reopenedProperty().get()).isEmpty();
    }

    @Test
    void escapeLeavesAReopenedDecisionUnchanged() {
        openFirst();
        keys("DIGIT1", "ENTER");
        vm.reopen(vm.history().shown().get(0));
        keys("DIGIT2", "ESCAPE");

        assertThat(service.replaced).isEmpty();
        assertThat(vm.screen().promptProperty().get()).isEqualTo("Prompt number 2?");
    }

    @Test
    void submitWaitsUntilStreamingResponsesAreComplete() {
        ScriptedStream first = new ScriptedStream(0);
        ScriptedStream second = new ScriptedStream(1);
        FakeLabelingService streaming = new FakeLabelingService(FakeLabelingService.settings(2, false))
                .add(new LabelItem(5, "Stream?", List.<ResponseStream>of(second, first), null));
        vm.open(streaming);
        first.push("Hello");
        first.push(" world");
        vm.drainPending();
        assertThat(vm.cards().get(0).textProperty().get()).isEqualTo("Hello world");
        assertThat(vm.cards().get(0).tokensProperty().get()).isEqualTo(2);
        assertThat(vm.cards().get(0).wordsProperty().get()).isEqualTo(2);

        keys("DIGIT2", "DIGIT1", "ENTER");
        assertThat(streaming.submitted).isEmpty();
        assertThat(vm.screen().messageProperty().get()).contains("as soon as generation finishes");
        first.finish(50);
        second.push("Bye");
        second.finish(51);
        vm.drainPending();

        assertThat(streaming.submitted).containsExactly(new LabelDecision(5, List.of(50L, 51L), ranks(2, 1),
                RankingStatus.RANKED, null, List.of(Map.of(), Map.of()), Arrays.asList(null, null), null));
        assertThat(vm.screen().phaseProperty().get()).isEqualTo(Phase.FINISHED);
    }

    @Test
    void pulsesShowStreamedTextCardByCardButACompletedResponseAtOnce() {
        ScriptedStream first = new ScriptedStream(0);
        ScriptedStream second = new ScriptedStream(1);
        vm.open(new FakeLabelingService(FakeLabelingService.settings(2, false))
                .add(new LabelItem(8, "Pulses?", List.<ResponseStream>of(first, second), null)));
        first.push("a");
        second.push("a");

        vm.onPulse();
        assertThat(vm.cards()).filteredOn(card -> card.textProperty().get().equals("a")).hasSize(1);
        vm.onPulse();
        assertThat(vm.cards()).allMatch(card -> card.textProperty().get().equals("a"));
        first.push("b");
        first.finish(80);
        vm.onPulse();
        assertThat(vm.cards().get(0).textProperty().get()).as("shown on an off pulse: it completed").isEqualTo("ab");
        assertThat(vm.cards().get(0).doneProperty().get()).isTrue();
    }

    @Test
    void escapeCancelsAWaitingSubmit() {
        ScriptedStream only = new ScriptedStream(0);
        ScriptedStream other = ScriptedStream.complete(1, 61, "done");
        FakeLabelingService streaming = new FakeLabelingService(FakeLabelingService.settings(2, false))
                .add(new LabelItem(6, "Wait?", List.<ResponseStream>of(only, other), null));
        vm.open(streaming);
        keys("DIGIT1", "S", "ESCAPE");
        only.finish(60);
        vm.drainPending();

        assertThat(streaming.submitted).isEmpty();
        assertThat(vm.cards().get(0).doneProperty().get()).isTrue();
    }

    @Test
    void noServiceShowsNoPolicyModel() {
        vm.open(null);

        assertThat(vm.screen().phaseProperty().get()).isEqualTo(Phase.NO_SERVICE);
        assertThat(vm.screen().emptyTitleProperty().get()).isEqualTo("No policy model");
        assertThat(vm.handleKey(KeyStroke.of(KeyCode.DIGIT1))).isTrue();
        assertThat(vm.cards()).isEmpty();
    }

    @Test
    void emptyQueueShowsFinished() {
        FakeLabelingService empty = new FakeLabelingService(FakeLabelingService.settings(3, false));
        vm.open(empty);

        assertThat(vm.screen().phaseProperty().get()).isEqualTo(Phase.FINISHED);
        assertThat(vm.screen().emptyDetailProperty().get()).contains("0 / 0 prompts labeled");
    }

    @Test
    void progressAndGuidelinesComeFromTheService() {
        openFirst();
        keys("DIGIT1", "ENTER");

        assertThat(vm.screen().progressProperty().get()).isEqualTo("1 / 3 prompts labeled · 3 pairs · 42 per hour");
        assertThat(vm.screen().guidelinesProperty().get()).startsWith("# Guidelines");
    }

    @Test
    void simulatedHistoryRowsCanBeHidden() {
        service.addOlderHistory(new HistoryEntry(9, 9, "sim prompt", RankingStatus.RANKED,
                "1 > 2", true, Instant.EPOCH));
        openFirst();
        keys("DIGIT1", "ENTER");
        assertThat(vm.history().shown()).hasSize(2);

        vm.history().hideSimulatedProperty().set(true);
        assertThat(vm.history().shown()).extracting(e -> e.simulated()).containsExactly(false);
    }

    @Test
    void diffKeyComparesTwoCardsAndTurnsOff() {
        openFirst();
        keys("D", "DIGIT1", "DIGIT3");

        assertThat(vm.diff().onProperty().get()).isTrue();
        assertThat(vm.cards().get(0).diffProperty().get()).contains(new WordDiff.Segment("1.1 ", true));
        assertThat(vm.cards().get(2).diffProperty().get()).contains(new WordDiff.Segment("1.3 ", true));
        assertThat(vm.cards().get(1).diffProperty().get()).isNull();
        assertThat(vm.screen().rankingSummaryProperty().get()).as("picking cards for the diff does not rank").isEmpty();
        keys("D");
        assertThat(vm.cards().get(0).diffProperty().get()).isNull();
    }

    @Test
    void helpKeysToggleTheOverlay() {
        openFirst();
        keys("Shift+SLASH");
        assertThat(vm.screen().helpVisibleProperty().get()).isTrue();
        keys("ESCAPE");
        assertThat(vm.screen().helpVisibleProperty().get()).isFalse();
        keys("F1", "F1");
        assertThat(vm.screen().helpVisibleProperty().get()).isFalse();
    }
}

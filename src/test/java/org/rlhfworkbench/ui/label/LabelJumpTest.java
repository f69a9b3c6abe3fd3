package org.rlhfworkbench.ui.label;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.rlhfworkbench.jobs.SameThreadBackgroundExecutor;
import org.rlhfworkbench.jobs.label.HistoryEntry;
import org.rlhfworkbench.jobs.label.LabelDecision;
import org.rlhfworkbench.jobs.label.LabelItem;
import org.rlhfworkbench.jobs.label.LabelProgress;
import org.rlhfworkbench.jobs.label.LabelSettings;
import org.rlhfworkbench.jobs.label.LabelingService;

/** The jump-to-prompt hook (the prompt browser's open): out of turn, the shown prompt comes back, waits for a start. */
class LabelJumpTest {
    private final LabelViewModel vm = new LabelViewModel(new SameThreadBackgroundExecutor(),
            KeyMapStore.inMemory(KeyMap.defaults()));
    private final Jumping service = new Jumping(FakeLabelingService.complete(2, 3));

    @Test
    void aChosenPromptIsShownAndThePromptItReplacedComesBackAfterItsDecision() {
        vm.open(service);
        vm.drainPending();
        assertThat(vm.screen().promptProperty().get()).isEqualTo("Prompt number 1?");

        vm.openPrompt(3);
        vm.drainPending();
        assertThat(vm.screen().promptProperty().get()).isEqualTo("Prompt number 3?");
        assertThat(service.opened).containsExactly(3L);

        vm.pressCard(1);
        vm.submit();
        vm.drainPending();
        assertThat(service.inner.submitted).extracting(LabelDecision::promptId).containsExactly(3L);
        assertThat(vm.screen().promptProperty().get()).isEqualTo("Prompt number 1?");
    }

    @Test
    void theShownPromptIsNotOpenedTwice() {
        vm.open(service);
        vm.openPrompt(1);
        assertThat(service.opened).isEmpty();
        assertThat(vm.screen().messageProperty().get()).isEqualTo("Prompt 1 is the one shown.");
    }

    @Test
    void aPromptChosenWhileLabelingStartsOpensOnceItHasStarted() {
        vm.showEmpty(Phase.LOADING, "Starting…", "Loading the policy model.");
        vm.openPrompt(3);
        assertThat(service.opened).isEmpty();

        vm.open(service);
        vm.drainPending();

        assertThat(service.opened).containsExactly(3L);
        assertThat(vm.screen().promptProperty().get()).isEqualTo("Prompt number 3?");
    }

    @Test
    void withoutLabelingTheChoiceSaysWhy() {
        vm.showEmpty(Phase.NO_PROJECT, "No project open", "");
        vm.openPrompt(5);
        vm.open(service);
        assertThat(service.opened).isEmpty();
        assertThat(vm.screen().promptProperty().get()).isEqualTo("Prompt number 1?");
    }

    /** The fake service plus open(promptId): a complete item for the prompt, each call recorded. */
    private static final class Jumping implements LabelingService {
        final FakeLabelingService inner;
        final List<Long> opened = new ArrayList<>();

        Jumping(FakeLabelingService inner) {
            this.inner = inner;
        }

        @Override
        public LabelItem open(long promptId) {
            opened.add(promptId);
            return FakeLabelingService.completeItem(promptId, 2);
        }

        @Override
        public LabelSettings settings() {
            return inner.settings();
        }

        @Override
        public Optional<LabelItem> next() {
            return inner.next();
        }

        @Override
        public long submit(LabelDecision decision) {
            return inner.submit(decision);
        }

        @Override
        public void replace(long rankingId, LabelDecision decision) {
            inner.replace(rankingId, decision);
        }

        @Override
        public void undo(long rankingId) {
            inner.undo(rankingId);
        }

        @Override
        public LabelItem reopen(long rankingId) {
            return inner.reopen(rankingId);
        }

        @Override
        public List<HistoryEntry> history(int n) {
            return inner.history(n);
        }

        @Override
        public LabelProgress progress() {
            return inner.progress();
        }

        @Override
        public void close() {
            inner.close();
        }
    }
}

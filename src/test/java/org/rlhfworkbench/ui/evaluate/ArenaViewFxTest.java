package org.rlhfworkbench.ui.evaluate;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.rlhfworkbench.core.Winner;
import org.rlhfworkbench.jobs.ThreadPoolBackgroundExecutor;
import org.rlhfworkbench.jobs.eval.ArenaResults.PairRow;
import org.rlhfworkbench.jobs.eval.Side;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The Evaluate tab in a headless stage: ten blind votes by keys, the background executor, a fake arena. */
@ExtendWith(ApplicationExtension.class)
class ArenaViewFxTest {
    private static final Logger LOG = LoggerFactory.getLogger(ArenaViewFxTest.class);
    private final ThreadPoolBackgroundExecutor executor = new ThreadPoolBackgroundExecutor(Platform::runLater);
    private final FakeArena arena = new FakeArena(12);
    private ArenaViewModel vm;
    private ArenaView view;
    private Scene scene;

    @Start
    void start(Stage stage) {
        vm = new ArenaViewModel(executor, arena);
        view = new ArenaView(vm);
        scene = new Scene(view, 1200, 800);
        URL css = ArenaView.class.getResource("/org/rlhfworkbench/ui/workbench.css");
        if (css != null) {
            scene.getStylesheets().add(css.toExternalForm());
        }
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void tearDown() {
        executor.shutdown();
    }

    @Test
    void tenBlindVotesByKeysGiveTheExpectedTable(FxRobot robot) throws Exception {
        onFx(() -> {
            vm.projectChanged();
            return null;
        });
        waitUntil(() -> read(() -> vm.phaseProperty().get() == ArenaViewModel.Phase.SETUP));
        onFx(() -> Screenshots.save(view, "evaluate-setup"));
        robot.clickOn("#arenaStart");
        waitUntil(() -> read(() -> vm.phaseProperty().get() == ArenaViewModel.Phase.JUDGING));
        onFx(() -> {
            view.requestFocus();
            return null;
        });
        assertThat(onFx(() -> ((TextArea) scene.lookup("#arenaLeft")).getText())).isEqualTo(FakeArena.leftText(0));

        // one key per vote: sides as seen, the fake swaps every odd pair
        KeyCode[] keys = {KeyCode.DIGIT1, KeyCode.DIGIT2, KeyCode.LEFT, KeyCode.RIGHT, KeyCode.DIGIT3, KeyCode.DIGIT1,
                KeyCode.DIGIT4, KeyCode.DIGIT1, KeyCode.DIGIT2, KeyCode.DIGIT2};
        Side[] sides = {Side.LEFT, Side.RIGHT, Side.LEFT, Side.RIGHT, Side.TIE, Side.LEFT, Side.BOTH_BAD, Side.LEFT,
                Side.RIGHT, Side.RIGHT};
        List<Double> switchMs = new ArrayList<>();
        for (int i = 0; i < keys.length; i++) {
            int shown = i;
            waitUntil(() -> read(() -> ("Prompt " + shown + "?").equals(vm.promptProperty().get())));
            if (i == 3) {
                robot.press(KeyCode.SHIFT).type(KeyCode.DIGIT1).release(KeyCode.SHIFT);   // helpfulness: left
                onFx(() -> Screenshots.save(view, "evaluate-judge"));
            }
            robot.type(keys[i]);
            waitUntil(() -> read(() -> arena.stored.size() == shown + 1 || vm.votesProperty().get() == shown + 1));
            switchMs.add(onFx(() -> vm.lastSwitchMillisProperty().get()));
        }
        waitUntil(() -> arena.stored.size() == 10);
        List<Winner> expected = new ArrayList<>();
        for (int i = 0; i < sides.length; i++) {
            expected.add(sides[i].toWinner(FakeArena.swapped(i)));
        }
        assertThat(arena.stored).extracting(FakeArena.Stored::winner).containsExactlyElementsOf(expected);
        assertThat(arena.stored.get(3).criteria()).containsEntry("helpfulness", Side.LEFT.toWinner(true));
        long winsA = expected.stream().filter(w -> w == Winner.A).count();
        long winsB = expected.stream().filter(w -> w == Winner.B).count();

        onFx(() -> {
            ((TabPane) scene.lookup("#arenaView")).getSelectionModel().select(1);
            return null;
        });
        @SuppressWarnings("unchecked")
        TableView<PairRow> table = (TableView<PairRow>) scene.lookup("#resultsPairs");
        waitUntil(() -> read(() -> !table.getItems().isEmpty() && table.getItems().get(0).votes() == 10));
        PairRow row = onFx(() -> table.getItems().get(0));
        assertThat(row.modelA()).isEqualTo("alpha");
        assertThat(row.winsA()).isEqualTo((int) winsA);
        assertThat(row.winsB()).isEqualTo((int) winsB);
        assertThat(row.ties() + row.bothBad()).isEqualTo(10 - (int) (winsA + winsB));
        onFx(() -> Screenshots.save(view, "evaluate-results"));

        switchMs.sort(Double::compare);
        java.nio.file.Files.writeString(java.nio.file.Path.of("target", "screenshots", "arena-timing.txt"), String.format(
                "keystrokes per vote: 1%nvote to next pair shown (ms): median %.2f, max %.2f over %d votes%n",
                switchMs.get(switchMs.size() / 2), switchMs.get(switchMs.size() - 1), switchMs.size()));
        LOG.info("Arena: 1 keystroke per vote; vote to next pair shown: median {} ms, max {} ms over {} votes",
                switchMs.get(switchMs.size() / 2), switchMs.get(switchMs.size() - 1), switchMs.size());
        assertThat(switchMs.get(switchMs.size() / 2)).isLessThan(50.0);
    }

    private static <T> T onFx(Callable<T> read) throws Exception {
        T value = WaitForAsyncUtils.asyncFx(read).get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        return value;
    }

    private static boolean read(Callable<Boolean> read) {
        try {
            return WaitForAsyncUtils.asyncFx(read).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void waitUntil(BooleanSupplier condition) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, condition::getAsBoolean);
        WaitForAsyncUtils.waitForFxEvents();
    }
}

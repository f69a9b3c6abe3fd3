package org.rlhfworkbench.ui.label;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rlhfworkbench.ui.label.FxSupport.onFx;
import static org.rlhfworkbench.ui.label.FxSupport.read;
import static org.rlhfworkbench.ui.label.FxSupport.waitUntil;

import java.time.Instant;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.GridPane;
import javafx.stage.Stage;
import org.controlsfx.control.Rating;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.rlhfworkbench.core.RankingStatus;
import org.rlhfworkbench.jobs.label.HistoryEntry;
import org.rlhfworkbench.jobs.label.LabelDecision;
import org.rlhfworkbench.jobs.label.LabelItem;
import org.rlhfworkbench.jobs.label.ResponseStream;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The labeling view in a headless stage: real keys, real pulses, the background executor, a fake service. */
@ExtendWith(ApplicationExtension.class)
class LabelViewFxTest {
    private FxSupport fx;

    @Start
    void start(Stage stage) {
        fx = new FxSupport(stage);
    }

    @AfterEach
    void tearDown() {
        fx.shutdown();
    }

    /** Four complete responses whose list order and generation ids differ from the shown order. */
    private static LabelItem shuffledItem(long promptId) {
        List<ResponseStream> streams = List.of(
                ScriptedStream.complete(2, 99, "third card text"),
                ScriptedStream.complete(0, 42, "first card text"),
                ScriptedStream.complete(3, 5, "fourth card text"),
                ScriptedStream.complete(1, 17, "second card text"));
        return new LabelItem(promptId, "Which answer is best?", streams, null);
    }

    @Test
    void rankFourCardsByKeysStoresRanksPerShownSlot(FxRobot robot) throws Exception {
        FakeLabelingService service = new FakeLabelingService(FakeLabelingService.settings(4, false))
                .add(shuffledItem(1)).add(FakeLabelingService.completeItem(2, 4));
        fx.open(service, Phase.LABELING);
        assertThat(fx.cardText(1)).isEqualTo("first card text");
        assertThat(fx.cardText(3)).isEqualTo("third card text");

        robot.type(KeyCode.DIGIT3, KeyCode.DIGIT1, KeyCode.EQUALS, KeyCode.DIGIT2, KeyCode.DIGIT4);
        assertThat(fx.label("rankingSummary")).isEqualTo("3 > 1 = 2 > 4");
        assertThat(List.of(fx.label("badge-1"), fx.label("badge-2"), fx.label("badge-3"), fx.label("badge-4")))
                .containsExactly("2=", "2=", "1", "3");
        robot.type(KeyCode.ENTER);
        waitUntil(() -> service.submittedCount() == 1);

        assertThat(service.last()).isEqualTo(new LabelDecision(1, List.of(42L, 17L, 99L, 5L), Arrays.asList(2, 2, 1, 3),
                RankingStatus.RANKED, null, Collections.nCopies(4, Map.of()), Collections.nCopies(4, null), null));
        waitUntil(() -> read(() -> "Prompt number 2?".equals(fx.viewModel.screen().promptProperty().get())));
        assertThat(fx.label("promptText")).isEqualTo("Prompt number 2?");
        assertThat(fx.label("badge-1")).isEmpty();
    }

    @Test
    void rankThreeOneTwoWithATieAndReadItBack(FxRobot robot) throws Exception {
        FakeLabelingService service = FakeLabelingService.complete(3, 2);
        fx.open(service, Phase.LABELING);

        robot.type(KeyCode.DIGIT3, KeyCode.T, KeyCode.DIGIT1, KeyCode.DIGIT2, KeyCode.ENTER);
        waitUntil(() -> service.submittedCount() == 1);

        LabelDecision stored = service.last();
        assertThat(stored.shownGenerationIds()).containsExactly(10L, 11L, 12L);
        assertThat(stored.ranks()).containsExactly(1, 2, 1);
        assertThat(stored.status()).isEqualTo(RankingStatus.RANKED);
        assertThat(stored.note()).isNull();
        waitUntil(() -> read(() -> fx.viewModel.history().shown().size() == 1));
        // tied cards have no order among themselves, so the stored ranking reads back by card number
        assertThat(onFx(() -> fx.viewModel.history().shown().get(0).summary())).isEqualTo("1 = 3 > 2");

        HistoryEntry entry = onFx(() -> fx.viewModel.history().shown().get(0));
        onFx(() -> {
            fx.viewModel.reopen(entry);
            return null;
        });
        waitUntil(() -> read(() -> "Prompt number 1?".equals(fx.viewModel.screen().promptProperty().get())));
        assertThat(List.of(fx.label("badge-1"), fx.label("badge-2"), fx.label("badge-3"))).containsExactly("1=", "2", "1=");
    }

    @Test
    void tokensStreamIntoCardsWhileTheLabelerRanks(FxRobot robot) throws Exception {
        List<ScriptedStream> streams = List.of(new ScriptedStream(0), new ScriptedStream(1), new ScriptedStream(2),
                new ScriptedStream(3));
        FakeLabelingService service = new FakeLabelingService(FakeLabelingService.settings(4, false))
                .add(new LabelItem(3, "Stream while I rank", List.copyOf(streams), null));
        fx.open(service, Phase.LABELING);
        AtomicBoolean stop = new AtomicBoolean();
        Thread producer = new Thread(() -> {
            for (int i = 0; i < 400 && !stop.get(); i++) {
                for (ScriptedStream stream : streams) {
                    stream.push("tok" + i + " ");
                }
                sleep(2);
            }
            streams.forEach(s -> s.finish(300 + s.slot()));
        }, "fake-generator");
        producer.start();
        try {
            waitUntil(() -> read(() -> !fx.viewModel.cards().get(1).textProperty().get().isEmpty()));
            robot.type(KeyCode.DIGIT2, KeyCode.DIGIT4, KeyCode.T, KeyCode.DIGIT1);
            assertThat(fx.cardText(2)).startsWith("tok0 tok1 ");
            assertThat(fx.label("length-2")).contains("generating");
            robot.type(KeyCode.ENTER);
            waitUntil(() -> service.submittedCount() == 1);
        } finally {
            stop.set(true);
            producer.join();
        }

        assertThat(service.last()).isEqualTo(new LabelDecision(3, List.of(300L, 301L, 302L, 303L),
                Arrays.asList(2, 1, null, 2), RankingStatus.RANKED, null, Collections.nCopies(4, Map.of()),
                Collections.nCopies(4, null), null));
        assertThat(streams.get(0).tokens()).isEqualTo(400);
    }

    @Test
    void promptBannerStaysVisibleAboveATwoThousandWordResponse() throws Exception {
        StringBuilder words = new StringBuilder();
        for (int i = 0; i < 2000; i++) {
            words.append("word").append(i).append(i % 12 == 11 ? ".\n" : " ");
        }
        FakeLabelingService service = new FakeLabelingService(FakeLabelingService.settings(2, false))
                .add(new LabelItem(4, "Summarise the PPO paper in detail.", List.of(
                        ScriptedStream.complete(0, 40, words.toString()), ScriptedStream.complete(1, 41, "Short.")), null));
        fx.open(service, Phase.LABELING);
        waitUntil(() -> read(() -> fx.viewModel.allShownProperty().get()));
        assertThat(fx.label("length-1")).isEqualTo("1 token · 2000 words");

        Bounds window = onFx(() -> fx.scene.getRoot().getLayoutBounds());
        Bounds banner = onFx(() -> bounds("#promptBanner"));
        Bounds card = onFx(() -> bounds("#card-1"));
        assertThat(banner.getMinY()).isGreaterThanOrEqualTo(0);
        assertThat(banner.getHeight()).isGreaterThan(10);
        assertThat(card.getMinY()).isGreaterThanOrEqualTo(banner.getMaxY());
        assertThat(card.getMaxY()).isLessThanOrEqualTo(window.getMaxY());
        assertThat(onFx(() -> fx.scene.lookup("#promptText").isVisible())).isTrue();
        double textHeight = onFx(() -> fx.scene.lookup("#text-1").lookup(".content").getLayoutBounds().getHeight());
        assertThat(textHeight).as("the response is taller than its card: it scrolls inside").isGreaterThan(card.getHeight());

        onFx(() -> {
            ((TextArea) fx.scene.lookup("#text-1")).setScrollTop(Double.MAX_VALUE);
            return null;
        });
        assertThat(onFx(() -> bounds("#promptBanner"))).isEqualTo(banner);
        assertThat(fx.label("promptText")).isEqualTo("Summarise the PPO paper in detail.");
    }

    @Test
    void editorOverlayTakesTypingAndSavesACorrection(FxRobot robot) throws Exception {
        FakeLabelingService service = FakeLabelingService.complete(2, 1);
        fx.open(service, Phase.LABELING);

        robot.type(KeyCode.E, KeyCode.DIGIT2);
        waitUntil(() -> read(() -> fx.scene.lookup("#editorOverlay").isVisible()));
        waitUntil(() -> read(() -> fx.scene.lookup("#editorText").isFocused()));
        robot.type(KeyCode.END).write(" 123");
        robot.press(KeyCode.CONTROL).type(KeyCode.ENTER).release(KeyCode.CONTROL);
        waitUntil(() -> read(() -> !fx.scene.lookup("#editorOverlay").isVisible()));
        assertThat(fx.cardText(2)).isEqualTo("answer 1.2 says something 123");
        robot.type(KeyCode.DIGIT2, KeyCode.ENTER);
        waitUntil(() -> service.submittedCount() == 1);

        assertThat(service.last().corrections()).containsExactly(null, "answer 1.2 says something 123");
        assertThat(service.last().ranks()).containsExactly(null, 1);
    }

    @Test
    void helpOverlayListsEveryAction(FxRobot robot) throws Exception {
        fx.open(FakeLabelingService.complete(2, 1), Phase.LABELING);

        robot.type(KeyCode.F1);
        waitUntil(() -> read(() -> fx.scene.lookup("#helpOverlay").isVisible()));
        int rows = onFx(() -> ((GridPane) fx.scene.lookup("#helpKeys")).getChildren().size() / 2);
        assertThat(rows).isEqualTo(LabelAction.values().length - 9 + 1);
        robot.type(KeyCode.ESCAPE);
        waitUntil(() -> read(() -> !fx.scene.lookup("#helpOverlay").isVisible()));
    }

    @Test
    void simulatedRowsAreMarkedAndCanBeHidden() throws Exception {
        FakeLabelingService service = FakeLabelingService.complete(2, 1);
        service.addOlderHistory(new HistoryEntry(7, 7, "Simulated prompt", RankingStatus.RANKED, "2 > 1", true, Instant.EPOCH));
        service.addOlderHistory(new HistoryEntry(6, 6, "Human prompt", RankingStatus.SKIPPED, "", false, Instant.EPOCH));
        fx.open(service, Phase.LABELING);

        waitUntil(() -> read(() -> fx.scene.getRoot().lookupAll(".simulated-marker").stream().anyMatch(Node::isVisible)));
        onFx(() -> {
            ((CheckBox) fx.scene.lookup("#hideSimulated")).setSelected(true);
            return null;
        });
        @SuppressWarnings("unchecked")
        List<HistoryEntry> shown = onFx(() -> List.copyOf(((ListView<HistoryEntry>) fx.scene.lookup("#historyList")).getItems()));
        assertThat(shown).extracting(HistoryEntry::promptText).containsExactly("Human prompt");
    }

    @Test
    void ratingsShowAsControlsfxRatingsWhenEnabled() throws Exception {
        FakeLabelingService service = new FakeLabelingService(FakeLabelingService.settings(2, true))
                .add(FakeLabelingService.completeItem(1, 2));
        fx.open(service, Phase.LABELING);

        onFx(() -> {
            ((Rating) fx.scene.lookup("#rating-2-honesty")).setRating(4);
            return null;
        });
        assertThat(onFx(() -> fx.viewModel.cards().get(1).ratings().get("honesty").get())).isEqualTo(4);
    }

    @Test
    void withoutServiceTheViewSaysNoPolicyModel() throws Exception {
        onFx(() -> {
            fx.viewModel.open(null);
            return null;
        });

        assertThat(fx.label("emptyTitle")).isEqualTo("No policy model");
        assertThat(onFx(() -> fx.scene.lookup("#labelEmptyState").isVisible())).isTrue();
        assertThat(onFx(() -> fx.scene.lookup("#promptBanner").getParent().isVisible())).isFalse();
    }

    private Bounds bounds(String selector) {
        Node node = fx.scene.lookup(selector);
        return node.localToScene(node.getLayoutBounds());
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

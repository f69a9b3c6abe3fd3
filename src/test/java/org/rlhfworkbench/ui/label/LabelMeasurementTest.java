package org.rlhfworkbench.ui.label;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rlhfworkbench.ui.label.FxSupport.onFx;
import static org.rlhfworkbench.ui.label.FxSupport.read;
import static org.rlhfworkbench.ui.label.FxSupport.waitUntil;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.rlhfworkbench.jobs.label.LabelItem;
import org.rlhfworkbench.jobs.label.ResponseStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Figures for the note, logged at INFO (run with RLHF_LOG_LEVEL=INFO to see them); times
 * are measured, not asserted. Keystrokes per K=4 ranking; submit to next prompt fully shown with
 * prefetched responses; the longest gap between FX pulses while fake streams push tokens fast.
 */
@ExtendWith(ApplicationExtension.class)
class LabelMeasurementTest {
    private static final Logger LOG = LoggerFactory.getLogger(LabelMeasurementTest.class);
    private static final int WARM_UP = 5;
    private static final int PROMPTS = 30;

    private FxSupport fx;

    @Start
    void start(Stage stage) {
        fx = new FxSupport(stage);
    }

    @AfterEach
    void tearDown() {
        fx.shutdown();
    }

    @Test
    void keystrokesPerFourCardRanking(FxRobot robot) throws Exception {
        FakeLabelingService service = FakeLabelingService.complete(4, 2);
        fx.open(service, Phase.LABELING);
        KeyCode[] full = {KeyCode.DIGIT3, KeyCode.DIGIT1, KeyCode.DIGIT2, KeyCode.DIGIT4, KeyCode.ENTER};
        robot.type(full);
        waitUntil(() -> service.submittedCount() == 1);
        waitUntil(() -> read(() -> "Prompt number 2?".equals(fx.viewModel.screen().promptProperty().get())));
        KeyCode[] shortest = {KeyCode.DIGIT3, KeyCode.DIGIT1, KeyCode.DIGIT2, KeyCode.ENTER};
        robot.type(shortest);
        waitUntil(() -> service.submittedCount() == 2);

        long fullPairs = FakeLabelingService.pairs(service.submitted.get(0));
        long shortPairs = FakeLabelingService.pairs(service.submitted.get(1));
        assertThat(service.submitted.get(0).ranks()).isEqualTo(Arrays.asList(2, 3, 1, 4));
        assertThat(service.submitted.get(1).ranks()).isEqualTo(Arrays.asList(2, 3, 1, null));
        assertThat(shortPairs).isEqualTo(fullPairs).isEqualTo(6);
        LOG.info("FIGURE keystrokes per K=4 ranking: {} with every card ranked (3 1 2 4 Enter), {} when the last card "
                + "is left unranked (3 1 2 Enter; same {} pairs); a tie adds 1 key; skip / all-bad: 1 key",
                full.length, shortest.length, fullPairs);
    }

    @Test
    void submitToNextPromptFullyShownWithPrefetchedResponses(FxRobot robot) throws Exception {
        FakeLabelingService service = new FakeLabelingService(FakeLabelingService.settings(4, false));
        for (long p = 1; p <= WARM_UP + PROMPTS + 1; p++) {
            service.add(longItem(p));
        }
        fx.open(service, Phase.LABELING);
        AtomicLong pressedAt = new AtomicLong();
        List<Double> toShown = new ArrayList<>();
        List<Double> toLaidOut = new ArrayList<>();
        onFx(() -> {
            fx.scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
                if (e.getCode() == KeyCode.ENTER) {
                    pressedAt.set(System.nanoTime());
                }
            });
            return null;
        });
        for (int i = 0; i < WARM_UP + PROMPTS; i++) {
            CountDownLatch laidOut = new CountDownLatch(1);
            long[] shownAt = new long[1];
            onFx(() -> {
                fx.viewModel.screen().promptProperty().addListener(new ChangeListener<>() {
                    @Override
                    public void changed(ObservableValue<? extends String> obs, String old, String now) {
                        obs.removeListener(this);
                        assertThat(fx.viewModel.allShownProperty().get()).isTrue();
                        shownAt[0] = System.nanoTime();
                        Runnable[] once = new Runnable[1];
                        once[0] = () -> {
                            fx.scene.removePostLayoutPulseListener(once[0]);
                            toLaidOut.add((System.nanoTime() - pressedAt.get()) / 1e6);
                            laidOut.countDown();
                        };
                        fx.scene.addPostLayoutPulseListener(once[0]);
                    }
                });
                return null;
            });
            robot.type(KeyCode.DIGIT1, KeyCode.ENTER);
            assertThat(laidOut.await(10, TimeUnit.SECONDS)).isTrue();
            toShown.add((shownAt[0] - pressedAt.get()) / 1e6);
        }
        assertThat(service.submittedCount()).isEqualTo(WARM_UP + PROMPTS);
        toShown.subList(0, WARM_UP).clear();
        toLaidOut.subList(0, WARM_UP).clear();
        LOG.info("FIGURE submit -> next prompt with its 4 prefetched responses (~300 words each) applied: median {} ms, "
                + "p90 {} ms, max {} ms; -> laid out on the next pulse: median {} ms, p90 {} ms, max {} ms "
                + "({} prompts after {} warm-up ones, FX thread clock; {})", fmt(quantile(toShown, 0.5)),
                fmt(quantile(toShown, 0.9)), fmt(max(toShown)), fmt(quantile(toLaidOut, 0.5)), fmt(quantile(toLaidOut, 0.9)),
                fmt(max(toLaidOut)), PROMPTS, WARM_UP, machineLoad());
    }

    @Test
    void longestPulseGapWhileStreamsPushTokens() throws Exception {
        measurePulses(4, 600, FAST, false);
        measureIdlePulses();
        measurePulses(4, 256, CPU_MODEL, true);
        measurePulses(4, 3000, FAST, true);
        measurePulses(9, 3000, FAST, true);
    }

    /** How fast the fake generator pushes: {@code rounds} tokens per stream, then a pause. */
    private record Pace(String name, int rounds, long pauseMillis) {
    }

    private static final Pace FAST = new Pace("as fast as it can", 3, 1);
    private static final Pace CPU_MODEL = new Pace("paced like a CPU model, about 150 tokens/s per card", 1, 6);

    /** The same window with nothing streaming: what the machine alone does to the pulse gaps. */
    private void measureIdlePulses() throws Exception {
        fx.open(FakeLabelingService.complete(4, 1), Phase.LABELING);
        PulseProbe probe = new PulseProbe(fx.scene);
        onFx(() -> {
            probe.start();
            return null;
        });
        sleepMillis(1500);
        onFx(() -> {
            probe.stop();
            return null;
        });
        LOG.info("FIGURE baseline, nothing streaming for 1.5 s: longest FX pulse gap {} ms over {} pulses; {}",
                fmt(probe.maxGapMillis()), probe.pulses(), machineLoad());
    }

    /** Streams {@code tokensPerStream} tokens into each of K cards; logs the figures unless it is the JIT warm-up. */
    private void measurePulses(int k, int tokensPerStream, Pace pace, boolean log) throws Exception {
        List<ScriptedStream> streams = IntStream.range(0, k).mapToObj(ScriptedStream::new).toList();
        FakeLabelingService service = new FakeLabelingService(FakeLabelingService.settings(k, false))
                .add(new LabelItem(1, "Stream", List.<ResponseStream>copyOf(streams), null));
        fx.open(service, Phase.LABELING);
        PulseProbe probe = new PulseProbe(fx.scene);
        onFx(() -> {
            probe.start();
            return null;
        });
        long start = System.nanoTime();
        Thread producer = new Thread(() -> {
            for (int i = 0; i < tokensPerStream; i++) {
                for (ScriptedStream stream : streams) {
                    stream.push("tok" + i + (i % 15 == 14 ? ".\n" : " "));
                }
                if (i % pace.rounds() == pace.rounds() - 1) {
                    sleepMillis(pace.pauseMillis());
                }
            }
            streams.forEach(s -> s.finish(1000 + s.slot()));
        }, "fake-generator");
        producer.start();
        producer.join();
        double seconds = (System.nanoTime() - start) / 1e9;
        waitUntil(() -> read(() -> fx.viewModel.allShownProperty().get()));
        onFx(() -> {
            probe.stop();
            return null;
        });
        assertThat(fx.cardText(k)).isEqualTo(streams.get(k - 1).text());
        if (log) {
            LOG.info("FIGURE K={}, {} tokens per card {} ({} tokens/s in all over {} s): longest FX pulse gap {} ms over {} "
                    + "pulses (longest drain {} ms, longest CSS+layout {} ms); every card shows its full text; {}", k,
                    tokensPerStream, pace.name(), Math.round(tokensPerStream * k / seconds), fmt(seconds),
                    fmt(probe.maxGapMillis()), probe.pulses(), fmt(probe.maxDrainMillis()), fmt(probe.maxLayoutMillis()),
                    machineLoad());
        }
    }

    private static LabelItem longItem(long promptId) {
        List<ResponseStream> streams = IntStream.range(0, 4).<ResponseStream>mapToObj(slot -> {
            StringBuilder text = new StringBuilder();
            for (int w = 0; w < 300; w++) {
                text.append("p").append(promptId).append("w").append(w).append(w % 20 == 19 ? ".\n" : " ");
            }
            return ScriptedStream.complete(slot, promptId * 10 + slot, text.toString());
        }).toList();
        return new LabelItem(promptId, "Prompt number " + promptId + "?", streams, null);
    }

    /** The 1-minute load average and core count: the figures mean little on a busy machine. */
    private static String machineLoad() {
        String load;
        try {
            load = Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException | RuntimeException e) {
            load = "?";
        }
        return "load average " + load + " on " + Runtime.getRuntime().availableProcessors() + " cores";
    }

    private static double quantile(List<Double> values, double q) {
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.get((int) Math.min(sorted.size() - 1, Math.floor(q * sorted.size())));
    }

    private static double max(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).max().orElse(0);
    }

    private static String fmt(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    private static void sleepMillis(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

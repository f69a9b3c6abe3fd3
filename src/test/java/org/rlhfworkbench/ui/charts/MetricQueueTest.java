package org.rlhfworkbench.ui.charts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rlhfworkbench.core.MetricPoint;
import org.rlhfworkbench.core.RunStatus;

class MetricQueueTest {

    @Test
    void eventsComeOutInOrderInBatchesOfAtMostTheLimit() {
        MetricQueue q = new MetricQueue();
        q.onStatus(RunStatus.RUNNING, null);
        for (int i = 1; i <= 5; i++) {
            q.onMetric(new MetricPoint(i, "loss", i));
        }
        q.onProgress(5, 10, 100, 5);

        List<RunEvent> first = q.drain(4);
        List<RunEvent> rest = q.drain(100);

        assertThat(first).hasSize(4).first().isEqualTo(new RunEvent.Status(RunStatus.RUNNING, null));
        assertThat(rest).hasSize(3).last().isEqualTo(new RunEvent.Progress(5, 10, 100, 5));
        assertThat(q.isEmpty()).isTrue();
    }

    @Test
    void nothingIsLostWhileAnotherThreadFillsTheQueue() throws Exception {
        MetricQueue q = new MetricQueue();
        Thread trainer = new Thread(() -> {
            for (int i = 0; i < 50_000; i++) {
                q.onMetric(new MetricPoint(i, "loss", i));
            }
        });
        trainer.start();
        List<RunEvent> seen = new ArrayList<>();
        while (trainer.isAlive() || !q.isEmpty()) {
            seen.addAll(q.drain(1000));
        }
        trainer.join();
        seen.addAll(q.drain(1000));

        assertThat(seen).hasSize(50_000);
        assertThat(((RunEvent.Metric) seen.get(49_999)).point().step()).isEqualTo(49_999);
    }
}

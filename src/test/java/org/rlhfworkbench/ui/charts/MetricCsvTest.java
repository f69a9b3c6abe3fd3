package org.rlhfworkbench.ui.charts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.rlhfworkbench.core.MetricPoint;

class MetricCsvTest {

    @Test
    void writesAHeaderThenOneLinePerPoint() {
        String csv = MetricCsv.of(List.of(new MetricPoint(1, "loss", 2.5), new MetricPoint(1, "eval/loss", 3.0)));

        assertThat(csv).isEqualTo("step,name,value\n1,loss,2.5\n1,eval/loss,3.0\n");
    }

    @Test
    void valuesRoundTripExactly() {
        double v = 0.1 + 0.2;
        String line = MetricCsv.of(List.of(new MetricPoint(7, "loss", v))).lines().skip(1).findFirst().orElseThrow();

        assertThat(Double.parseDouble(line.split(",")[2])).isEqualTo(v);
    }

    @Test
    void namesWithCommasOrQuotesAreQuoted() {
        assertThat(MetricCsv.field("a,b")).isEqualTo("\"a,b\"");
        assertThat(MetricCsv.field("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(MetricCsv.field("objective/kl")).isEqualTo("objective/kl");
    }

    @Test
    void runMetricsGiveTheirPointsBackInStepOrder() {
        RunMetrics run = RunMetrics.of("run 1", List.of(new MetricPoint(1, "loss", 3), new MetricPoint(2, "loss", 2),
                new MetricPoint(1, "lr", 1e-4), new MetricPoint(2, "lr", 2e-4)));

        assertThat(MetricCsv.of(run.points())).isEqualTo(
                "step,name,value\n1,loss,3.0\n1,lr,1.0E-4\n2,loss,2.0\n2,lr,2.0E-4\n");
    }
}

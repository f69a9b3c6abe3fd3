package org.rlhfworkbench.ui.charts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rlhfworkbench.core.MetricPoint;

class DashboardModelTest {
    static final ChartSpec LOSS = ChartSpec.of("Loss", "loss", "eval/loss");
    static final ChartSpec LR = ChartSpec.of("Learning rate", "lr");
    static final DashboardSpec SPEC = new DashboardSpec(List.of(LOSS, LR), "eval/loss", "Eval loss");

    static List<MetricPoint> points(String name, int n) {
        List<MetricPoint> out = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            out.add(new MetricPoint(i, name, i % 2 == 0 ? 1.0 : 3.0));
        }
        return out;
    }

    @Test
    void smoothingDrawsTheRawCurveFaintAndTheAverageSolidWithoutChangingTheRawValues() {
        DashboardModel m = new DashboardModel(SPEC);
        m.show("run 1", points("loss", 10));
        m.smoothingProperty().set(0.5);

        List<PlotLine> lines = m.lines(LOSS);

        assertThat(lines).extracting(PlotLine::style).containsExactly(PlotLine.Style.FAINT, PlotLine.Style.SOLID);
        assertThat(lines.get(0).y()).containsExactly(3, 1, 3, 1, 3, 1, 3, 1, 3, 1);
        assertThat(lines.get(1).y()).containsExactly(Ema.smooth(lines.get(0).y(), 0.5));
        assertThat(m.points()).hasSize(10).allMatch(p -> p.value() == 1.0 || p.value() == 3.0);
    }

    @Test
    void theLearningRateAndEvaluationsAreNeverSmoothed() {
        DashboardModel m = new DashboardModel(SPEC);
        List<MetricPoint> pts = new ArrayList<>(points("lr", 5));
        pts.add(new MetricPoint(5, "eval/loss", 2));
        m.show("run 1", pts);
        m.smoothingProperty().set(0.9);

        assertThat(m.lines(LR)).singleElement().satisfies(l -> assertThat(l.y()).containsExactly(3, 1, 3, 1, 3));
        assertThat(m.lines(LOSS)).singleElement().extracting(PlotLine::key).isEqualTo("primary/eval/loss");
    }

    @Test
    void anOverlaidRunIsDashed() {
        DashboardModel m = new DashboardModel(SPEC);
        m.show("run 2", points("loss", 3));
        m.overlay("run 1", points("loss", 4));
        m.smoothingProperty().set(0);

        assertThat(m.lines(LOSS)).extracting(PlotLine::key, PlotLine::style).containsExactly(
                org.assertj.core.groups.Tuple.tuple("primary/loss", PlotLine.Style.SOLID),
                org.assertj.core.groups.Tuple.tuple("overlay/loss", PlotLine.Style.DASHED));
        m.clearOverlay();
        assertThat(m.lines(LOSS)).hasSize(1);
    }

    @Test
    void aLongRunIsDecimatedForDrawingOnly() {
        DashboardModel m = new DashboardModel(SPEC);
        m.show("run 1", points("loss", 10_000));
        m.smoothingProperty().set(0);

        assertThat(m.lines(LOSS).get(0).x().length).isLessThanOrEqualTo(DashboardModel.MAX_POINTS);
        assertThat(m.points()).hasSize(10_000);
    }

    @Test
    void hoverGivesTheExactValueAtTheNearestStep() {
        DashboardModel m = new DashboardModel(SPEC);
        m.show("run 1", List.of(new MetricPoint(10, "loss", 2.5), new MetricPoint(20, "loss", 1.25)));
        m.smoothingProperty().set(0);

        assertThat(m.hover(LOSS, 18.2)).isEqualTo("loss 1.25000 at step 20");
        m.smoothingProperty().set(0.5);
        assertThat(m.hover(LOSS, 9)).isEqualTo("loss 2.50000 at step 10 (smoothed 2.50000)");
    }

    @Test
    void liveEventsUpdateTheSeriesAndTheHeadline() {
        DashboardModel m = new DashboardModel(SPEC);
        m.startLive("run 3");
        long before = m.revision();

        m.apply(new RunEvent.Metric(new MetricPoint(1, "loss", 4.0)));
        m.apply(new RunEvent.Metric(new MetricPoint(1, "eval/loss", 3.5)));
        m.apply(new RunEvent.Progress(1, 10, 1234, 9));

        assertThat(m.revision()).isGreaterThan(before);
        assertThat(m.lossProperty().get()).isEqualTo(4.0);
        assertThat(m.evalProperty().get()).isEqualTo(3.5);
        assertThat(m.tokensPerSecondProperty().get()).isEqualTo(1234);
        assertThat(m.etaSecondsProperty().get()).isEqualTo(9);
        assertThat(m.stepProperty().get()).isEqualTo(1);
        assertThat(m.totalStepsProperty().get()).isEqualTo(10);
        assertThat(m.primary().series("loss").size()).isEqualTo(1);
    }

    @Test
    void reopeningARunShowsItsLastValues() {
        DashboardModel m = new DashboardModel(SPEC);
        List<MetricPoint> pts = new ArrayList<>(points("loss", 4));
        pts.add(new MetricPoint(4, "eval/loss", 2.75));

        m.show("run 7", pts);

        assertThat(m.titleProperty().get()).isEqualTo("run 7");
        assertThat(m.lossProperty().get()).isEqualTo(1.0);
        assertThat(m.evalProperty().get()).isEqualTo(2.75);
        assertThat(m.stepProperty().get()).isEqualTo(4);
        assertThat(m.tokensPerSecondProperty().get()).isNaN();
    }
}

package org.rlhfworkbench.ui.charts;

import java.io.IOException;
import java.util.List;
import org.rlhfworkbench.core.MetricPoint;

/** Metric points as CSV: a "step,name,value" header, then one line each; values round-trip exactly. */
public final class MetricCsv {
    public static final String HEADER = "step,name,value";

    private MetricCsv() {
    }

    public static String of(List<MetricPoint> points) {
        StringBuilder sb = new StringBuilder();
        try {
            write(sb, points);
        } catch (IOException e) {
            throw new IllegalStateException("a StringBuilder does not throw", e);
        }
        return sb.toString();
    }

    public static void write(Appendable out, List<MetricPoint> points) throws IOException {
        out.append(HEADER).append('\n');
        for (MetricPoint p : points) {
            out.append(Long.toString(p.step())).append(',').append(field(p.name())).append(',')
                    .append(Double.toString(p.value())).append('\n');
        }
    }

    /** RFC 4180 quoting for names with commas, quotes or line breaks. */
    static String field(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
            return s;
        }
        return '"' + s.replace("\"", "\"\"") + '"';
    }
}

package org.rlhfworkbench.ui.charts;

import java.util.Locale;

/** How run figures read in the UI. */
public final class RunFormat {
    private RunFormat() {
    }

    /** "0:42", "12:05", "1:02:03"; "–" when unknown. */
    public static String duration(double seconds) {
        if (!Double.isFinite(seconds) || seconds < 0) {
            return "–";
        }
        long s = Math.round(seconds);
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }

    /** Six significant digits, as the CLI prints them; "–" for NaN. */
    public static String value(double v) {
        return Double.isNaN(v) ? "–" : String.format(Locale.ROOT, "%.6g", v);
    }

    /** A learning rate as people write it: "1e-4", "5e-5", "2.5e-4". */
    public static String rate(double v) {
        String[] parts = String.format(Locale.ROOT, "%.3e", v).split("e");
        return parts[0].replaceAll("\\.?0+$", "") + "e" + Integer.parseInt(parts[1]);
    }

    /** Parses a learning rate in (0, 1); the message says what is wrong. */
    public static float parseRate(String text) {
        float lr;
        try {
            lr = Float.parseFloat(text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Learning rate: not a number: " + text);
        }
        if (!(lr > 0 && lr < 1)) {
            throw new IllegalArgumentException("Learning rate must be between 0 and 1, was " + text);
        }
        return lr;
    }
}

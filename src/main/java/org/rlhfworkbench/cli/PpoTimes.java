package org.rlhfworkbench.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Where a PPO run's time went, read from the `ppo` command's final metrics (episode, timing/*). */
final class PpoTimes {
    private static final Pattern METRIC = Pattern.compile("^\\s+(episode|timing/\\w+)\\s+([-0-9.eE+]+)\\s*$",
            Pattern.MULTILINE);

    private PpoTimes() {
    }

    /** "PPO: 960 episodes in 36.0 s (26.7 episodes/s); generate 3.1 s (9%), ..." */
    static String line(String ppoOutput, double wallSeconds) {
        Map<String, Double> m = new LinkedHashMap<>();
        Matcher x = METRIC.matcher(ppoOutput);
        while (x.find()) {
            m.put(x.group(1), Double.parseDouble(x.group(2)));
        }
        double episodes = m.getOrDefault("episode", Double.NaN);
        StringBuilder sb = new StringBuilder(String.format("PPO: %.0f episodes in %.1f s (%.1f episodes/s)",
                episodes, wallSeconds, episodes / wallSeconds));
        String sep = "; ";
        for (String part : new String[] {"generate", "score", "reference", "values", "update"}) {
            Double t = m.get("timing/" + part);
            if (t != null) {
                sb.append(sep).append(String.format("%s %.1f s (%.0f%%)", part, t, 100 * t / wallSeconds));
                sep = ", ";
            }
        }
        return sb.toString();
    }
}

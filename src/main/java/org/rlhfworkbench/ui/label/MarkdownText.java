package org.rlhfworkbench.ui.label;

import java.util.ArrayList;
import java.util.List;

/**
 * Just enough Markdown for labeling guidelines: "#" headings, "-" / "*" / "1." list items,
 * **bold** and paragraphs. Turns the text into styled runs; the view makes Text nodes of them.
 */
final class MarkdownText {

    /** How a run is shown. */
    enum Style { HEADING, BOLD, PLAIN }

    record Run(String text, Style style) {
    }

    private MarkdownText() {
    }

    static List<Run> parse(String markdown) {
        List<Run> runs = new ArrayList<>();
        if (markdown == null) {
            return runs;
        }
        for (String raw : markdown.strip().split("\\R", -1)) {
            String line = raw.strip();
            if (line.startsWith("#")) {
                runs.add(new Run(line.replaceFirst("^#+\\s*", "") + "\n", Style.HEADING));
            } else if (line.matches("^[-*]\\s+.*")) {
                inline(runs, "• " + line.substring(1).strip());
                runs.add(new Run("\n", Style.PLAIN));
            } else if (line.isEmpty()) {
                runs.add(new Run("\n", Style.PLAIN));
            } else {
                inline(runs, line);
                runs.add(new Run("\n", Style.PLAIN));
            }
        }
        return runs;
    }

    /** Splits on ** pairs: odd pieces are bold. */
    private static void inline(List<Run> runs, String line) {
        String[] pieces = line.split("\\*\\*", -1);
        for (int i = 0; i < pieces.length; i++) {
            if (!pieces[i].isEmpty()) {
                boolean bold = i % 2 == 1 && i < pieces.length - 1;
                runs.add(new Run(bold || i % 2 == 0 ? pieces[i] : "**" + pieces[i], bold ? Style.BOLD : Style.PLAIN));
            }
        }
    }
}

package org.rlhfworkbench.formats;

import java.util.stream.Collectors;
import org.rlhfworkbench.formats.Records.PreferenceIn;
import org.rlhfworkbench.formats.Records.PromptIn;
import org.rlhfworkbench.formats.Records.PromptOnly;
import org.rlhfworkbench.formats.Records.RecordIn;
import org.rlhfworkbench.formats.Records.SftIn;

/** A parsed record as one line for a preview. */
final class RecordText {
    static final int MAX = 90;

    private RecordText() {
    }

    static String describe(RecordIn record) {
        if (record instanceof PromptOnly p) {
            return "prompt: " + prompt(p.prompt());
        }
        if (record instanceof SftIn s) {
            return "prompt: " + prompt(s.prompt()) + " | completion: " + cut(s.completion());
        }
        PreferenceIn p = (PreferenceIn) record;
        StringBuilder out = new StringBuilder("prompt: ").append(prompt(p.prompt()));
        for (int i = 0; i < p.responses().size(); i++) {
            out.append(" | rank ").append(p.ranks().get(i)).append(": ").append(cut(p.responses().get(i).text()));
        }
        return out.toString();
    }

    private static String prompt(PromptIn p) {
        if (p.messages().isEmpty()) {
            return cut(p.text());
        }
        return p.messages().stream().map(m -> m.role() + ": " + cut(m.content())).collect(Collectors.joining(" / "));
    }

    private static String cut(String text) {
        String line = text == null ? "" : text.strip().replaceAll("\\s+", " ");
        return line.length() <= MAX ? line : line.substring(0, MAX - 1) + "…";
    }
}

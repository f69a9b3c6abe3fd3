package org.rlhfworkbench.formats;

import java.util.List;

/** What an import wrote, and the lines it skipped (only with skip-bad). */
public record ImportReport(String file, int records, int prompts, int generations, int rankings,
                           int demonstrations, List<BadLine> skipped) {
    public ImportReport {
        skipped = List.copyOf(skipped);
    }

    public String summary() {
        return String.format("%s: %d records -> %d prompts, %d responses, %d rankings, %d demonstrations%s",
                file, records, prompts, generations, rankings, demonstrations,
                skipped.isEmpty() ? "" : "; skipped " + skipped.size() + " bad lines");
    }
}

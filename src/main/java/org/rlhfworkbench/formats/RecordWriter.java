package org.rlhfworkbench.formats;

import java.util.ArrayList;
import java.util.List;
import org.rlhfworkbench.core.DemonstrationSource;
import org.rlhfworkbench.core.Ranking;
import org.rlhfworkbench.core.RankingEntry;
import org.rlhfworkbench.core.RankingStatus;
import org.rlhfworkbench.formats.Records.PreferenceIn;
import org.rlhfworkbench.formats.Records.PromptOnly;
import org.rlhfworkbench.formats.Records.RecordIn;
import org.rlhfworkbench.formats.Records.SftIn;
import org.rlhfworkbench.store.Project;

/** Writes parsed records into the project (the caller holds the transaction). */
final class RecordWriter {
    static final String ANNOTATOR = "import";

    private final Project project;
    private final String source;
    private int prompts;
    private int generations;
    private int rankings;
    private int demonstrations;

    RecordWriter(Project project, String source) {
        this.project = project;
        this.source = source;
    }

    ImportReport writeAll(List<RecordIn> records, String fileName, List<BadLine> skipped) {
        for (RecordIn r : records) {
            write(r);
        }
        return new ImportReport(fileName, records.size(), prompts, generations, rankings, demonstrations, skipped);
    }

    private void write(RecordIn record) {
        if (record instanceof PromptOnly p) {
            addPrompt(p.prompt());
        } else if (record instanceof SftIn s) {
            long pid = addPrompt(s.prompt());
            project.demonstrations().add(pid, s.completion(), DemonstrationSource.IMPORT, null);
            demonstrations++;
        } else if (record instanceof PreferenceIn p) {
            writePreference(p);
        }
    }

    private long addPrompt(Records.PromptIn p) {
        prompts++;
        return project.prompts().add(p.text(), p.messages(), source, p.reference());
    }

    private void writePreference(PreferenceIn p) {
        long pid = addPrompt(p.prompt());
        List<RankingEntry> entries = new ArrayList<>();
        List<Long> order = new ArrayList<>();
        for (int i = 0; i < p.responses().size(); i++) {
            Records.ResponseIn r = p.responses().get(i);
            long gid = project.generations().addImported(pid, r.text(), r.score());
            generations++;
            entries.add(new RankingEntry(gid, p.ranks().get(i)));
            order.add(gid);
        }
        project.rankings().add(new Ranking(0, pid, RankingStatus.RANKED, null, ANNOTATOR, entries, order));
        rankings++;
    }
}

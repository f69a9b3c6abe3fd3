package org.rlhfworkbench.jobs.label;

import java.util.List;
import java.util.Optional;
import org.rlhfworkbench.jobs.ProjectChange;
import org.rlhfworkbench.jobs.ProjectService;

/** A labeling service that tells the project's change feed about every stored, replaced or undone decision. */
public final class NotifyingLabelingService implements LabelingService {
    private final LabelingService inner;
    private final ProjectService feed;

    public NotifyingLabelingService(LabelingService inner, ProjectService feed) {
        this.inner = inner;
        this.feed = feed;
    }

    @Override
    public LabelSettings settings() {
        return inner.settings();
    }

    @Override
    public Optional<LabelItem> next() {
        return inner.next();
    }

    @Override
    public long submit(LabelDecision decision) {
        long id = inner.submit(decision);
        feed.changed(ProjectChange.LABELS);
        return id;
    }

    @Override
    public void replace(long rankingId, LabelDecision decision) {
        inner.replace(rankingId, decision);
        feed.changed(ProjectChange.LABELS);
    }

    @Override
    public void undo(long rankingId) {
        inner.undo(rankingId);
        feed.changed(ProjectChange.LABELS);
    }

    @Override
    public LabelItem open(long promptId) {
        return inner.open(promptId);
    }

    @Override
    public LabelItem reopen(long rankingId) {
        return inner.reopen(rankingId);
    }

    @Override
    public List<HistoryEntry> history(int n) {
        return inner.history(n);
    }

    @Override
    public LabelProgress progress() {
        return inner.progress();
    }

    @Override
    public GeneratorOptions generator() {
        return inner.generator();
    }

    @Override
    public void setGenerator(GeneratorSettings settings) {
        inner.setGenerator(settings);
    }

    @Override
    public int countTokens(String text) {
        return inner.countTokens(text);
    }

    @Override
    public void close() {
        inner.close();
    }
}

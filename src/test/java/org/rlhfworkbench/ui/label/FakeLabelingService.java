package org.rlhfworkbench.ui.label;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.rlhfworkbench.core.RankingStatus;
import org.rlhfworkbench.jobs.label.GeneratorChoice;
import org.rlhfworkbench.jobs.label.GeneratorOptions;
import org.rlhfworkbench.jobs.label.GeneratorSettings;
import org.rlhfworkbench.jobs.label.HistoryEntry;
import org.rlhfworkbench.jobs.label.LabelDecision;
import org.rlhfworkbench.jobs.label.LabelItem;
import org.rlhfworkbench.jobs.label.LabelProgress;
import org.rlhfworkbench.jobs.label.LabelSettings;
import org.rlhfworkbench.jobs.label.LabelingService;
import org.rlhfworkbench.jobs.label.ResponseStream;

/**
 * A labeling service in memory: a queue of items (complete or scripted streams), and a record of
 * every call the view model made. Generation ids are promptId * 10 + slot. Thread-safe.
 */
final class FakeLabelingService implements LabelingService {
    private final LabelSettings settings;
    private final Deque<LabelItem> queue = new ArrayDeque<>();
    private final Map<Long, LabelItem> byPrompt = new LinkedHashMap<>();
    private final Map<Long, LabelDecision> stored = new LinkedHashMap<>();
    private final List<HistoryEntry> olderHistory = new ArrayList<>();
    final List<LabelDecision> submitted = new ArrayList<>();
    final Map<Long, LabelDecision> replaced = new LinkedHashMap<>();
    final List<Long> undone = new ArrayList<>();
    final List<GeneratorSettings> generatorChanges = new ArrayList<>();
    private GeneratorOptions generator = GeneratorOptions.none();
    private long nextRankingId = 100;
    private int nextCalls;
    private boolean closed;

    FakeLabelingService(LabelSettings settings) {
        this.settings = settings;
    }

    static LabelSettings settings(int k, boolean ratings) {
        return new LabelSettings(k, ratings, LabelSettings.DEFAULT_CRITERIA, "# Guidelines\n- Prefer **correct** answers.",
                null);
    }

    /** {@code prompts} items with K complete responses "answer P.S ..." each. */
    static FakeLabelingService complete(int k, int prompts) {
        FakeLabelingService service = new FakeLabelingService(settings(k, false));
        for (long p = 1; p <= prompts; p++) {
            service.add(completeItem(p, k));
        }
        return service;
    }

    static LabelItem completeItem(long promptId, int k) {
        List<ResponseStream> streams = IntStream.range(0, k).<ResponseStream>mapToObj(slot -> ScriptedStream.complete(
                slot, promptId * 10 + slot, "answer " + promptId + "." + (slot + 1) + " says something")).toList();
        return new LabelItem(promptId, "Prompt number " + promptId + "?", streams, null);
    }

    synchronized FakeLabelingService add(LabelItem item) {
        queue.add(item);
        byPrompt.put(item.promptId(), item);
        return this;
    }

    /** Two models: #1 "base" (gpt2, 8.8M, no chat template) and #2 "sft-2" (qwen2, 494M, chat template); #1 generates. */
    synchronized FakeLabelingService withTwoModels() {
        generator = new GeneratorOptions(new GeneratorSettings(1, settings.k(), 0.7f, 1f, 64, "plain"), List.of(
                new GeneratorChoice(1, "base", "base", "gpt2", "8.8M", false),
                new GeneratorChoice(2, "sft-2", "sft", "qwen2", "494M", true)));
        return this;
    }

    @Override
    public synchronized GeneratorOptions generator() {
        return generator;
    }

    @Override
    public synchronized void setGenerator(GeneratorSettings s) {
        generatorChanges.add(s);
        generator = new GeneratorOptions(s, generator.models());
    }

    /** Two tokens per word: not the real count, but one the tests can compute by hand. */
    @Override
    public int countTokens(String text) {
        return 2 * CardModel.countWords(text);
    }

    synchronized void addOlderHistory(HistoryEntry entry) {
        olderHistory.add(entry);
    }

    @Override
    public LabelSettings settings() {
        return settings;
    }

    @Override
    public synchronized Optional<LabelItem> next() {
        nextCalls++;
        return Optional.ofNullable(queue.poll());
    }

    @Override
    public synchronized long submit(LabelDecision decision) {
        long id = nextRankingId++;
        stored.put(id, decision);
        submitted.add(decision);
        return id;
    }

    @Override
    public synchronized void replace(long rankingId, LabelDecision decision) {
        stored.put(rankingId, decision);
        replaced.put(rankingId, decision);
    }

    @Override
    public synchronized void undo(long rankingId) {
        stored.remove(rankingId);
        undone.add(rankingId);
    }

    @Override
    public synchronized LabelItem reopen(long rankingId) {
        LabelItem original = byPrompt.get(stored.get(rankingId).promptId());
        List<ResponseStream> copies = original.responses().stream().<ResponseStream>map(s ->
                ScriptedStream.complete(s.slot(), s.generationId(), s.text())).toList();
        return new LabelItem(original.promptId(), original.promptText(), copies, rankingId);
    }

    @Override
    public synchronized List<HistoryEntry> history(int n) {
        List<HistoryEntry> entries = new ArrayList<>();
        List<Long> ids = new ArrayList<>(stored.keySet());
        for (int i = ids.size() - 1; i >= 0; i--) {
            LabelDecision d = stored.get(ids.get(i));
            entries.add(new HistoryEntry(ids.get(i), d.promptId(), byPrompt.get(d.promptId()).promptText(), d.status(),
                    RankingState.ofRanks(d.ranks()).summary(), false, Instant.now()));
        }
        entries.addAll(olderHistory);
        return List.copyOf(entries.subList(0, Math.min(n, entries.size())));
    }

    @Override
    public synchronized LabelProgress progress() {
        long pairs = stored.values().stream().filter(d -> d.status() == RankingStatus.RANKED)
                .mapToLong(FakeLabelingService::pairs).sum();
        return new LabelProgress(stored.size(), byPrompt.size(), pairs, 42.0);
    }

    /** Ordered pairs a ranking gives: ranked above ranked-lower or unranked. */
    static long pairs(LabelDecision d) {
        long count = 0;
        for (Integer a : d.ranks()) {
            for (Integer b : d.ranks()) {
                if (a != null && (b == null || a < b)) {
                    count++;
                }
            }
        }
        return count;
    }

    synchronized LabelDecision last() {
        return submitted.get(submitted.size() - 1);
    }

    synchronized int submittedCount() {
        return submitted.size();
    }

    synchronized int nextCalls() {
        return nextCalls;
    }

    synchronized boolean closed() {
        return closed;
    }

    @Override
    public synchronized void close() {
        closed = true;
    }
}

package org.rlhfworkbench.jobs.label;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.rlhfworkbench.core.Generation;
import org.rlhfworkbench.core.Prompt;
import org.rlhfworkbench.lm.LanguageModel;
import org.rlhfworkbench.lm.LanguageModels;
import org.rlhfworkbench.lm.sample.SamplingParams;
import org.rlhfworkbench.store.Project;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link LabelingService} over an open project and its policy model ({@link PolicyModel}).
 *
 * <p>Responses are generated on one daemon worker thread that owns the model (loaded on first
 * use, freed by {@link #close()}); while the labeler works on one prompt the next
 * {@value #PREFETCH} are generated in the background. A prompt's stored, still unranked
 * responses from the same policy are reused (after an undo, or a restart), so nothing is
 * generated twice. The shown order is a seeded random permutation per prompt. Every decision is
 * one transaction ({@link DecisionWriter}).
 *
 * <p>The caller owns the {@link Project}: close this service first, then the project.
 */
public final class ProjectLabelingService implements LabelingService {
    /** Prompts generated ahead of the one being labeled. */
    public static final int PREFETCH = 2;
    /** How long submit waits for a response that is still generating. */
    public static final Duration SUBMIT_WAIT = Duration.ofSeconds(60);
    private static final Logger LOG = LoggerFactory.getLogger(ProjectLabelingService.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Project project;
    private final long seed;
    private final GenerationWorker worker;
    private final DecisionWriter writer;
    private final LabelHistory history;
    private final long startedNanos = System.nanoTime();
    private final Object lock = new Object();
    /** Generated ahead, not shown yet, by prompt id. */
    private final Map<Long, PreparedItem> prefetched = new TreeMap<>();
    /** Returned by next(), not decided yet. */
    private final Map<Long, PreparedItem> shown = new HashMap<>();
    private final Set<Long> sessionDecisions = new HashSet<>();
    private final TokenCounter tokenCounter = new TokenCounter();
    private boolean closed;

    /** Generates with the project's policy model, loaded with {@link LanguageModels#load}. */
    public ProjectLabelingService(Project project, long seed) {
        this(project, LanguageModels::load, seed);
    }

    /**
     * @param loader loads a model folder; called on the worker thread when a prompt needs that model
     * @param seed seeds the shown order and the sampling (same seed, same project: same responses)
     */
    public ProjectLabelingService(Project project, Function<Path, LanguageModel> loader, long seed) {
        this.project = Objects.requireNonNull(project, "project");
        this.seed = seed;
        this.worker = new GenerationWorker(loader);
        this.writer = new DecisionWriter(project);
        this.history = new LabelHistory(project);
    }

    @Override
    public LabelSettings settings() {
        return LabelConfig.settings(project);
    }

    @Override
    public GeneratorOptions generator() {
        return GeneratorConfig.read(project);
    }

    /** Stores the new generator; prompts generated ahead are dropped, the shown one keeps its answers. */
    @Override
    public void setGenerator(GeneratorSettings settings) {
        GeneratorConfig.save(project, settings);
        synchronized (lock) {
            prefetched.values().forEach(PreparedItem::cancel);
            prefetched.clear();
        }
    }

    @Override
    public int countTokens(String text) {
        return tokenCounter.count(PolicyModel.find(project).map(PolicyModel::folder).orElse(null), text);
    }

    @Override
    public Optional<LabelItem> next() {
        synchronized (lock) {
            checkOpen();
            List<Long> candidates = new ArrayList<>();
            for (long id : unlabeled(shown.size() + prefetched.size() + PREFETCH + 1)) {
                if (!shown.containsKey(id) && candidates.size() <= PREFETCH) {
                    candidates.add(id);
                }
            }
            if (candidates.isEmpty()) {
                return Optional.empty();
            }
            long first = candidates.get(0);
            PreparedItem item = prefetched.containsKey(first) ? prefetched.remove(first) : prepare(first);
            shown.put(first, item);
            for (long id : candidates.subList(1, candidates.size())) {
                prefetched.computeIfAbsent(id, this::prepare);
            }
            return Optional.of(item.item());
        }
    }

    @Override
    public long submit(LabelDecision decision) {
        PreparedItem item;
        synchronized (lock) {
            checkOpen();
            item = shown.containsKey(decision.promptId()) ? shown.get(decision.promptId())
                    : prefetched.get(decision.promptId());
        }
        LabelDecision resolved = item == null ? decision : item.resolve(decision, SUBMIT_WAIT);
        long id = writer.write(null, resolved, item == null ? shownIds(decision) : resolved.shownGenerationIds());
        synchronized (lock) {
            shown.remove(decision.promptId());
            prefetched.remove(decision.promptId());
            sessionDecisions.add(id);
        }
        LOG.debug("Stored ranking {} for prompt {}", id, decision.promptId());
        return id;
    }

    @Override
    public void replace(long rankingId, LabelDecision decision) {
        if (history.ranking(rankingId).promptId() != decision.promptId()) {
            throw new IllegalArgumentException("ranking " + rankingId + " is not about prompt " + decision.promptId());
        }
        writer.write(rankingId, decision, shownIds(decision));
    }

    @Override
    public void undo(long rankingId) {
        history.ranking(rankingId);
        project.rankings().deleteDecision(rankingId);
        synchronized (lock) {
            sessionDecisions.remove(rankingId);
        }
    }

    @Override
    public LabelItem reopen(long rankingId) {
        return history.reopen(rankingId);
    }

    @Override
    public LabelItem open(long promptId) {
        if (project.prompts().get(promptId) == null) {
            throw new IllegalArgumentException("there is no prompt " + promptId + " in " + project.dir());
        }
        List<org.rlhfworkbench.core.Ranking> decisions = project.rankings().forPrompt(promptId);
        if (!decisions.isEmpty()) {
            return history.reopen(decisions.get(decisions.size() - 1).id());
        }
        synchronized (lock) {
            checkOpen();
            PreparedItem item = shown.get(promptId);
            if (item == null) {
                item = prefetched.containsKey(promptId) ? prefetched.remove(promptId) : prepare(promptId);
                shown.put(promptId, item);
            }
            return item.item();
        }
    }

    @Override
    public List<HistoryEntry> history(int n) {
        return history.recent(n);
    }

    @Override
    public LabelProgress progress() {
        double hours = Math.max(60, (System.nanoTime() - startedNanos) / 1e9) / 3600.0;
        int decisions;
        synchronized (lock) {
            decisions = sessionDecisions.size();
        }
        return new LabelProgress(project.rankings().labeledPromptCount(), project.prompts().count(),
                project.rankings().pairCount(), decisions / hours);
    }

    @Override
    public void close() {
        List<PreparedItem> pending;
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
            pending = new ArrayList<>(prefetched.values());
            pending.addAll(shown.values());
            prefetched.clear();
            shown.clear();
        }
        worker.close();
        tokenCounter.close();
        pending.forEach(p -> p.fail("labeling was closed"));
    }

    /** The shown generation ids of a decision that must name them all (reopened or not from this service). */
    private static List<Long> shownIds(LabelDecision d) {
        List<Long> given = d.shownGenerationIds();
        if (given.isEmpty() || given.contains(null)) {
            throw new IllegalArgumentException("prompt " + d.promptId() + " is not being labeled here,"
                    + " so the decision must name every shown generation id");
        }
        return given;
    }

    /** Prompts to label next: unranked ones, or those of the online DPO round the project is set to ({@link LabelSource}). */
    private List<Long> unlabeled(int limit) {
        Optional<LabelSource> round = LabelSource.of(project);
        return round.isEmpty() ? project.prompts().unrankedIds(limit)
                : project.online().promptsToLabel(round.get().runId(), round.get().iteration(), limit);
    }

    /** The K responses of a prompt in a seeded random order: stored ones reused, the rest queued. */
    private PreparedItem prepare(long promptId) {
        Prompt prompt = project.prompts().get(promptId);
        PolicyModel policy;
        String policyError = null;
        try {
            policy = PolicyModel.of(project);
        } catch (IllegalStateException e) {
            policy = null;
            policyError = e.getMessage();
        }
        long policyId = policy == null ? 0 : policy.id();
        PromptFormat format = LabelConfig.promptFormat(project);
        SamplingParams sampling = LabelConfig.sampling(project, Set.of());
        Optional<LabelSource> round = LabelSource.of(project);
        List<Generation> roundResponses = round.isEmpty() ? List.of()
                : project.online().generations(round.get().runId(), round.get().iteration(), promptId);
        int k = roundResponses.isEmpty() ? LabelConfig.k(project) : roundResponses.size();
        List<Generation> stored = !roundResponses.isEmpty() ? roundResponses
                : policy == null ? List.of() : project.generations().forPrompt(promptId).stream()
                .filter(g -> PreparedItem.MODEL_SOURCE.equals(g.source()) && Objects.equals(g.modelId(), policyId)
                        && sameSampling(g.samplingJson(), sampling, format.format()))
                .sorted(Comparator.comparingInt((Generation g) -> Math.floorMod(
                        ResponseGenerator.sampleIndex(g.samplingJson()), Integer.MAX_VALUE)).thenComparingLong(Generation::id))
                .limit(k).toList();
        List<Integer> order = new ArrayList<>(IntStream.range(0, k).boxed().toList());
        Collections.shuffle(order, new Random(seed * 0x9E3779B97F4A7C15L + promptId));
        List<LiveResponse> slots = new ArrayList<>();
        LiveResponse[] bySample = new LiveResponse[k];
        for (int slot = 0; slot < k; slot++) {
            int j = order.get(slot);
            LiveResponse r = j < stored.size() ? LiveResponse.completed(slot, stored.get(j).text(), stored.get(j).id(),
                    Objects.requireNonNullElse(stored.get(j).tokenCount(), 0),
                    ResponseGenerator.cutAt(stored.get(j).samplingJson())) : new LiveResponse(slot);
            slots.add(r);
            bySample[j] = r;
        }
        List<LiveResponse> toGenerate = List.of(bySample).subList(stored.size(), k);
        PreparedItem item = new PreparedItem(project, prompt, format, policy, sampling,
                seed + 1_000_003L * promptId + stored.size(), slots, toGenerate);
        if (item.needsGeneration()) {
            if (policy == null) {
                item.fail(policyError);
            } else {
                worker.submit(item);
            }
        }
        return item;
    }

    /**
     * Whether a stored answer was sampled as {@code now} samples (temperature, top-p, max new
     * tokens; the prompt format when both name one): only then is it shown again.
     */
    static boolean sameSampling(String samplingJson, SamplingParams now, String format) {
        if (samplingJson == null) {
            return true;
        }
        try {
            JsonNode o = JSON.readTree(samplingJson);
            String storedFormat = o.path("prompt_format").asText(null);
            return Math.abs(o.path("temperature").asDouble(now.temperature()) - now.temperature()) < 1e-6
                    && Math.abs(o.path("top_p").asDouble(now.topP()) - now.topP()) < 1e-6
                    && o.path("max_new_tokens").asInt(now.maxNewTokens()) == now.maxNewTokens()
                    && (storedFormat == null || format == null || storedFormat.equals(format));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return false;
        }
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("the labeling service is closed");
        }
    }
}

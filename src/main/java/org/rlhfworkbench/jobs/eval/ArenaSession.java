package org.rlhfworkbench.jobs.eval;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.rlhfworkbench.core.Comparison;
import org.rlhfworkbench.core.Prompt;
import org.rlhfworkbench.jobs.eval.ArenaPlan.Matchup;
import org.rlhfworkbench.jobs.label.LabelConfig;
import org.rlhfworkbench.jobs.label.LiveResponse;
import org.rlhfworkbench.lm.LanguageModel;
import org.rlhfworkbench.lm.LanguageModels;
import org.rlhfworkbench.store.Project;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link ArenaService} over an open project. The plan ({@link ArenaPlan}) fixes the prompt, the
 * two models and the sides of every pair up front; answers are sampled on one {@link ModelWorker}
 * thread, streamed into the pair being shown while the next {@value #PREFETCH} are prepared. A
 * vote is one transaction. The caller owns the project: close this first.
 */
public final class ArenaSession implements ArenaService {
    /** Pairs generated ahead of the one shown. */
    public static final int PREFETCH = 2;
    public static final Duration VOTE_WAIT = Duration.ofSeconds(60);
    private static final Logger LOG = LoggerFactory.getLogger(ArenaSession.class);

    private record Prepared(Matchup matchup, LiveResponse a, LiveResponse b) {
    }

    private final Project project;
    private final ArenaSetup setup;
    private final List<Matchup> plan;
    private final ModelWorker worker;
    private final Object lock = new Object();
    private final Map<Long, Prepared> prepared = new HashMap<>();
    private int cursor;
    private int voted;
    private boolean closed;

    public ArenaSession(Project project, ArenaSetup setup) {
        this(project, setup, LanguageModels::load);
    }

    /** @param loader loads a model folder, on the worker thread, once per model */
    public ArenaSession(Project project, ArenaSetup setup, Function<Path, LanguageModel> loader) {
        this.project = project;
        this.setup = setup;
        this.plan = ArenaPlan.plan(project, setup);
        this.worker = new ModelWorker(project, loader, "arena-generator");
        LOG.info("Arena of models {} on {} pairs ({})", setup.models(), plan.size(), setup.promptSet());
    }

    @Override
    public List<String> criteria() {
        return LabelConfig.settings(project).criteria();
    }

    @Override
    public Optional<ArenaPair> next() {
        synchronized (lock) {
            check();
            if (cursor >= plan.size()) {
                return Optional.empty();
            }
            long key = cursor++;
            Prepared p = prepare(key);
            for (long k = cursor; k < Math.min(plan.size(), cursor + PREFETCH); k++) {
                prepare(k);
            }
            Matchup m = p.matchup();
            return Optional.of(new ArenaPair(key, m.prompt().id(), display(m.prompt()),
                    m.swapped() ? p.b() : p.a(), m.swapped() ? p.a() : p.b()));
        }
    }

    @Override
    public long vote(long pairKey, Side verdict, Map<String, Side> criteria, String reason) {
        Prepared p;
        synchronized (lock) {
            check();
            p = prepared.get(pairKey);
        }
        if (p == null) {
            throw new IllegalArgumentException("pair " + pairKey + " is not being judged here");
        }
        long deadline = System.nanoTime() + VOTE_WAIT.toNanos();
        long ga = await(p.a(), deadline);
        long gb = await(p.b(), deadline);
        Matchup m = p.matchup();
        Map<String, org.rlhfworkbench.core.Winner> perCriterion = new LinkedHashMap<>();
        criteria.forEach((k, v) -> perCriterion.put(k, v.toWinner(m.swapped())));
        long id = project.comparisons().add(new Comparison(0, m.prompt().id(), m.modelA(), m.modelB(), ga, gb, m.swapped(),
                verdict.toWinner(m.swapped()), setup.annotator(), reason == null || reason.isBlank() ? null : reason.strip(),
                perCriterion));
        synchronized (lock) {
            prepared.remove(pairKey);
            voted++;
        }
        return id;
    }

    @Override
    public void skip(long pairKey) {
        synchronized (lock) {
            prepared.remove(pairKey);
        }
    }

    @Override
    public void undo(long comparisonId) {
        project.comparisons().delete(comparisonId);
        synchronized (lock) {
            voted = Math.max(0, voted - 1);
        }
    }

    @Override
    public ArenaResults results() {
        return ArenaReport.build(project, List.of(new RubricJudge()));
    }

    @Override
    public ArenaProgress progress() {
        synchronized (lock) {
            return new ArenaProgress(voted, plan.size(), project.comparisons().count());
        }
    }

    @Override
    public void close() {
        List<Prepared> pending;
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
            pending = new ArrayList<>(prepared.values());
            prepared.clear();
        }
        worker.close();
        pending.forEach(p -> {
            p.a().fail("the arena was closed");
            p.b().fail("the arena was closed");
        });
    }

    /** How a prompt reads on screen: its text, or a conversation as "role: content" lines. */
    static String display(Prompt p) {
        return p.isConversational()
                ? p.messages().stream().map(m -> m.role() + ": " + m.content()).collect(Collectors.joining("\n"))
                : p.text();
    }

    private Prepared prepare(long key) {
        return prepared.computeIfAbsent(key, k -> {
            Matchup m = plan.get(k.intValue());
            Prepared p = new Prepared(m, new LiveResponse(0), new LiveResponse(1));
            long seed = setup.seed() * 1_000_003L + k * 2;
            Sampling s = new Sampling(setup.temperature(), setup.topP(), setup.maxNewTokens());
            worker.submit(new ModelWorker.Job() {
                @Override
                public void run(ModelWorker.Models models, BooleanSupplier cancelled) {
                    Answers.sample(project, models.get(m.modelA()), m.modelA(), m.prompt(), s, seed, List.of(p.a()), cancelled);
                    Answers.sample(project, models.get(m.modelB()), m.modelB(), m.prompt(), s, seed + 1, List.of(p.b()),
                            cancelled);
                }

                @Override
                public void fail(String message) {
                    p.a().fail(message);
                    p.b().fail(message);
                }
            });
            return p;
        });
    }

    private static long await(LiveResponse r, long deadline) {
        try {
            return r.await(deadline);
        } catch (TimeoutException e) {
            throw new IllegalStateException("an answer is still generating after " + VOTE_WAIT.toSeconds() + " s; vote again");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for an answer", e);
        }
    }

    private void check() {
        if (closed) {
            throw new IllegalStateException("the arena session is closed");
        }
    }
}

package org.rlhfworkbench.jobs.eval;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.LongFunction;
import org.rlhfworkbench.core.Comparison;
import org.rlhfworkbench.core.Generation;
import org.rlhfworkbench.core.ModelEntry;
import org.rlhfworkbench.core.Prompt;
import org.rlhfworkbench.core.Winner;
import org.rlhfworkbench.jobs.eval.ArenaResults.JudgeRow;
import org.rlhfworkbench.jobs.eval.ArenaResults.VoteRow;
import org.rlhfworkbench.store.Project;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds {@link ArenaResults} from the project's comparison rows. People's votes are the basis
 * when there are any; otherwise the simulated ones (and the results say so). Blocking: call it
 * on a background thread.
 */
public final class ArenaReport {
    private static final Logger LOG = LoggerFactory.getLogger(ArenaReport.class);

    private ArenaReport() {
    }

    public static ArenaResults build(Project project, List<PairJudge> judges) {
        List<Comparison> all = project.comparisons().all();
        List<Comparison> human = all.stream().filter(c -> !c.simulated()).toList();
        List<Comparison> basis = human.isEmpty() ? all : human;
        Map<Long, String> names = new HashMap<>();
        for (ModelEntry m : project.models().all()) {
            names.put(m.id(), m.name());
        }
        LongFunction<String> name = id -> names.getOrDefault(id, "model " + id);
        List<ArenaTally.Vote> votes = basis.stream().map(c -> new ArenaTally.Vote(c.modelA(), c.modelB(), c.winner())).toList();

        Map<String, List<ArenaTally.Vote>> perCriterion = new TreeMap<>();
        for (Comparison c : basis) {
            c.criteria().forEach((k, w) -> perCriterion.computeIfAbsent(k, x -> new ArrayList<>())
                    .add(new ArenaTally.Vote(c.modelA(), c.modelB(), w)));
        }
        Map<String, List<ArenaResults.PairRow>> criteria = new LinkedHashMap<>();
        perCriterion.forEach((k, v) -> criteria.put(k, ArenaTally.pairs(v, name)));

        Map<Long, Prompt> prompts = new HashMap<>();
        Map<Long, Generation> generations = new HashMap<>();
        List<VoteRow> rows = new ArrayList<>();
        for (Comparison c : basis) {
            Prompt p = prompts.computeIfAbsent(c.promptId(), id -> project.prompts().get(id));
            Generation a = generations.computeIfAbsent(c.generationA(), id -> project.generations().get(id));
            Generation b = generations.computeIfAbsent(c.generationB(), id -> project.generations().get(id));
            rows.add(new VoteRow(c.id(), p.text(), name.apply(c.modelA()), name.apply(c.modelB()), a.text(), b.text(),
                    c.winner(), c.annotator(), c.reason(), name.apply(c.swapped() ? c.modelB() : c.modelA())));
        }
        List<JudgeRow> judged = new ArrayList<>();
        for (PairJudge judge : judges) {
            judged.add(judge(judge, basis, prompts, generations, name));
        }
        return new ArenaResults(human.isEmpty() && !all.isEmpty() ? "simulated votes" : "human votes", all.size(), human.size(), all.size() - human.size(), ArenaTally.pairs(votes, name),
                ArenaTally.ranking(votes, name), criteria, rows, judged);
    }

    private static JudgeRow judge(PairJudge judge, List<Comparison> basis, Map<Long, Prompt> prompts,
                                  Map<Long, Generation> generations, LongFunction<String> name) {
        List<ArenaTally.Vote> verdicts = new ArrayList<>();
        int compared = 0;
        int agreed = 0;
        for (Comparison c : basis) {
            Optional<Winner> w;
            try {
                w = judge.judge(prompts.get(c.promptId()), generations.get(c.generationA()), generations.get(c.generationB()));
            } catch (RuntimeException e) {
                LOG.warn("{} could not judge comparison {}: {}", judge.name(), c.id(), e.toString());
                return new JudgeRow(judge.name() + " (failed: " + e.getMessage() + ")", 0, 0, 0, Interval.NONE, List.of());
            }
            if (w.isEmpty()) {
                continue;
            }
            verdicts.add(new ArenaTally.Vote(c.modelA(), c.modelB(), w.get()));
            if (decisive(c.winner()) && decisive(w.get())) {
                compared++;
                agreed += c.winner() == w.get() ? 1 : 0;
            }
        }
        return new JudgeRow(judge.name(), verdicts.size(), compared, agreed, Interval.wilson(agreed, compared),
                ArenaTally.pairs(verdicts, name));
    }

    private static boolean decisive(Winner w) {
        return w == Winner.A || w == Winner.B;
    }
}

package org.rlhfworkbench.jobs.label;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.rlhfworkbench.core.Generation;
import org.rlhfworkbench.core.Prompt;
import org.rlhfworkbench.core.Ranking;
import org.rlhfworkbench.core.RankingEntry;
import org.rlhfworkbench.core.RankingStatus;
import org.rlhfworkbench.core.sample.Rubric;
import org.rlhfworkbench.core.sample.SampleCorpus;
import org.rlhfworkbench.core.sample.SamplePrompt;
import org.rlhfworkbench.jobs.SampleProjects;
import org.rlhfworkbench.lm.LanguageModel;
import org.rlhfworkbench.lm.sample.SamplingParams;
import org.rlhfworkbench.store.Project;

/**
 * The simulated annotator: samples K responses per unlabeled sample prompt with the policy model
 * (several prompts per Sampler call) and ranks them with the sample's {@link Rubric} (ties
 * allowed). Each prompt's responses, ranking and rubric ratings are one transaction, marked with
 * annotator {@value Rubric#ANNOTATOR} so every view can say the labels are simulated. Prompts
 * that are not from the sample corpus cannot be judged and are left alone.
 */
public final class RubricLabeler {
    /** How many prompts to label, K, the sampling seed, and prompts per Sampler call. */
    public record Options(int prompts, int k, long seed, int batchSize) {
        public Options {
            if (prompts < 1 || k < 2 || k > 9 || batchSize < 1) {
                throw new IllegalArgumentException("need prompts >= 1, K from 2 to 9 and batch >= 1; got prompts="
                        + prompts + " K=" + k + " batch=" + batchSize);
            }
        }
    }

    /**
     * @param labeled prompts ranked now
     * @param pairs preference pairs those rankings give
     * @param notFromSample unlabeled prompts skipped because the rubric cannot judge them
     */
    public record Report(int labeled, long pairs, int notFromSample, String model, double seconds) {
    }

    /** Called after each batch is stored. */
    public interface Progress {
        void onBatch(int labeled, int target, double seconds);
    }

    private record Task(Prompt prompt, SamplePrompt facts) {
    }

    private final Project project;
    private final Function<Path, LanguageModel> loader;
    private final Rubric rubric = new Rubric();

    public RubricLabeler(Project project, Function<Path, LanguageModel> loader) {
        this.project = project;
        this.loader = loader;
    }

    public Report run(Options o, Progress progress) {
        long start = System.nanoTime();
        PolicyModel policy = PolicyModel.of(project);
        Map<String, SamplePrompt> sample = SampleCorpus.standard().prompts().stream()
                .collect(Collectors.toMap(SamplePrompt::text, p -> p, (a, b) -> a));
        Set<Long> unranked = new HashSet<>(project.prompts().unrankedIds(Integer.MAX_VALUE));
        List<Task> tasks = new ArrayList<>();
        int notFromSample = 0;
        for (Prompt p : project.prompts().all()) {
            if (!unranked.contains(p.id())) {
                continue;
            }
            SamplePrompt facts = sample.get(p.text());
            if (facts == null) {
                notFromSample++;
            } else if (tasks.size() < o.prompts()) {
                tasks.add(new Task(p, facts));
            }
        }
        long pairs = 0;
        if (!tasks.isEmpty()) {
            if (project.meta().get(SampleProjects.META_ANNOTATOR_NOTE) == null) {
                project.meta().put(SampleProjects.META_ANNOTATOR_NOTE, SampleProjects.ANNOTATOR_NOTE);
            }
            PromptFormat format = LabelConfig.promptFormat(project);
            try (LanguageModel lm = loader.apply(policy.folder())) {
                ResponseGenerator generator = new ResponseGenerator(lm, () -> false);
                SamplingParams base = LabelConfig.sampling(project, generator.stopIds(format));
                for (int from = 0; from < tasks.size(); from += o.batchSize()) {
                    List<Task> batch = tasks.subList(from, Math.min(tasks.size(), from + o.batchSize()));
                    SamplingParams params = base.withSeed(o.seed() + from);
                    pairs += labelBatch(generator, batch, format, params, o.k(), policy.id());
                    progress.onBatch(from + batch.size(), tasks.size(), (System.nanoTime() - start) / 1e9);
                }
            }
        }
        return new Report(tasks.size(), pairs, notFromSample, policy.name(), (System.nanoTime() - start) / 1e9);
    }

    private long labelBatch(ResponseGenerator generator, List<Task> batch, PromptFormat format, SamplingParams params,
                            int k, long modelId) {
        String[][] texts = new String[batch.size()][k];
        int[][] tokens = new int[batch.size()][k];
        generator.generate(batch.stream().map(Task::prompt).toList(), format, k, params,
                new ResponseGenerator.Sink() {
                    @Override
                    public void onText(int prompt, int index, String delta) {
                        // the rubric judges whole responses
                    }

                    @Override
                    public void onDone(int prompt, int index, String text, int tokenCount) {
                        texts[prompt][index] = text;
                        tokens[prompt][index] = tokenCount;
                    }
                });
        long pairs = 0;
        for (int p = 0; p < batch.size(); p++) {
            pairs += store(batch.get(p), List.of(texts[p]), tokens[p], modelId, params,
                    generator.encoder(format).description());
        }
        return pairs;
    }

    /** One prompt's responses, rubric ranking and ratings, in one transaction; returns its pair count. */
    private long store(Task t, List<String> texts, int[] tokens, long modelId, SamplingParams params, String template) {
        List<Integer> ranks = rubric.rank(t.facts(), texts);
        return project.db().inTransaction(() -> {
            List<Long> ids = new ArrayList<>();
            List<RankingEntry> entries = new ArrayList<>();
            for (int i = 0; i < texts.size(); i++) {
                long id = project.generations().add(new Generation(0, t.prompt().id(), texts.get(i), tokens[i], modelId,
                        PreparedItem.MODEL_SOURCE, null,
                        ResponseGenerator.samplingJson(params, texts.size(), template, i)));
                ids.add(id);
                entries.add(new RankingEntry(id, ranks.get(i)));
            }
            Ranking ranking = new Ranking(0, t.prompt().id(), RankingStatus.RANKED, null, Rubric.ANNOTATOR, entries, ids);
            long rankingId = project.rankings().add(ranking);
            for (int i = 0; i < texts.size(); i++) {
                for (Map.Entry<String, Integer> r : rubric.score(t.facts(), texts.get(i)).ratings().entrySet()) {
                    project.ratings().add(ids.get(i), r.getKey(), r.getValue(), Rubric.ANNOTATOR, rankingId);
                }
            }
            return (long) ranking.pairs().size();
        });
    }
}

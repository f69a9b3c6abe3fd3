package org.rlhfworkbench.jobs.run;

import java.util.ArrayList;
import java.util.List;
import org.rlhfworkbench.core.Generation;
import org.rlhfworkbench.core.Prompt;
import org.rlhfworkbench.core.Ranking;
import org.rlhfworkbench.core.RankingEntry;
import org.rlhfworkbench.core.RankingStatus;
import org.rlhfworkbench.core.Rating;
import org.rlhfworkbench.jobs.label.PromptFormat;
import org.rlhfworkbench.lm.tokenizer.TextTokenizer;
import org.rlhfworkbench.store.Project;
import org.rlhfworkbench.train.data.Encoded;
import org.rlhfworkbench.train.reward.RankedGroup;

/** The project's RANKED rankings as token groups for the reward model, with a quality score per response. */
public final class RankedData {
    /** One ranking: its prompt and responses as stored (in entry order) and the group the reward model scores. */
    public record Labeled(Prompt prompt, List<Generation> generations, RankedGroup group) {
    }

    private RankedData() {
    }

    static List<RankedGroup> load(Project project, TextTokenizer tok, int maxLength) {
        return loadLabeled(project, tok, maxLength).stream().map(Labeled::group).toList();
    }

    /** Like the training data, with the texts kept: for inspecting a reward model on them. */
    public static List<Labeled> loadLabeled(Project project, TextTokenizer tok, int maxLength) {
        PromptFormat format = format(project);
        int eos = tok.eosIds()[0];
        List<Labeled> out = new ArrayList<>();
        for (Ranking r : project.rankings().all()) {
            if (r.status() != RankingStatus.RANKED || r.entries().size() < 2) {
                continue;
            }
            Prompt p = project.prompts().get(r.promptId());
            String prompt = format.render(p);
            int[] promptIds = null;
            List<Generation> generations = new ArrayList<>();
            List<int[]> responses = new ArrayList<>();
            List<Integer> ranks = new ArrayList<>();
            List<Double> quality = new ArrayList<>();
            for (RankingEntry e : r.entries()) {
                Generation g = project.generations().get(e.generationId());
                Encoded enc = Encoded.of(tok, prompt, Encoded.continuation(g.text()), eos, maxLength);
                promptIds = promptIds == null || enc.prompt().length < promptIds.length ? enc.prompt() : promptIds;
                generations.add(g);
                responses.add(enc.response());
                ranks.add(e.rank());
                quality.add(meanRating(project.ratings().forGeneration(g.id())));
            }
            out.add(new Labeled(p, generations, new RankedGroup(r.promptId(), promptIds, responses, ranks, quality)));
        }
        return out;
    }

    /** Any response text to {@code prompt} as a group of one, encoded as the training data is. */
    public static RankedGroup single(Project project, TextTokenizer tok, int maxLength, Prompt prompt, String response) {
        Encoded enc = Encoded.of(tok, format(project).render(prompt), Encoded.continuation(response),
                tok.eosIds()[0], maxLength);
        List<Integer> ranks = new ArrayList<>();
        ranks.add(null);
        return new RankedGroup(prompt.id(), enc.prompt(), List.of(enc.response()), ranks, null);
    }

    private static PromptFormat format(Project project) {
        return new PromptFormat(project.meta().get(PromptFormat.META_TEMPLATE));
    }

    private static double meanRating(List<Rating> ratings) {
        return ratings.stream().mapToInt(Rating::value).average().orElse(0);
    }
}

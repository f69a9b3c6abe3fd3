package org.rlhfworkbench.jobs.run;

import java.util.ArrayList;
import java.util.List;
import org.rlhfworkbench.core.Generation;
import org.rlhfworkbench.core.Prompt;
import org.rlhfworkbench.core.Ranking;
import org.rlhfworkbench.core.RankingEntry;
import org.rlhfworkbench.core.RankingStatus;
import org.rlhfworkbench.core.Rating;
import org.rlhfworkbench.lm.chat.PromptEncoder;
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

    /** Prompts and responses as {@code enc} (the project's prompt format for the model) encodes them. */
    static List<RankedGroup> load(Project project, PromptEncoder enc, int maxLength) {
        return loadLabeled(project, enc, maxLength).stream().map(Labeled::group).toList();
    }

    /** Like the training data, with the texts kept: for inspecting a reward model on them. */
    public static List<Labeled> loadLabeled(Project project, PromptEncoder enc, int maxLength) {
        List<Labeled> out = new ArrayList<>();
        for (Ranking r : project.rankings().all()) {
            if (r.status() != RankingStatus.RANKED || r.entries().size() < 2) {
                continue;
            }
            Prompt p = project.prompts().get(r.promptId());
            int[] prompt = enc.encode(p);
            int[] promptIds = null;
            List<Generation> generations = new ArrayList<>();
            List<int[]> responses = new ArrayList<>();
            List<Integer> ranks = new ArrayList<>();
            List<Double> quality = new ArrayList<>();
            for (RankingEntry e : r.entries()) {
                Generation g = project.generations().get(e.generationId());
                Encoded pair = Encoded.of(prompt, enc.encodeResponse(p, g.text()), maxLength);
                promptIds = promptIds == null || pair.prompt().length < promptIds.length ? pair.prompt() : promptIds;
                generations.add(g);
                responses.add(pair.response());
                ranks.add(e.rank());
                quality.add(meanRating(project.ratings().forGeneration(g.id())));
            }
            out.add(new Labeled(p, generations, new RankedGroup(r.promptId(), promptIds, responses, ranks, quality)));
        }
        return out;
    }

    /** Any response text to {@code prompt} as a group of one, encoded as the training data is. */
    public static RankedGroup single(PromptEncoder enc, int maxLength, Prompt prompt, String response) {
        Encoded e = Encoded.of(enc.encode(prompt), enc.encodeResponse(prompt, response), maxLength);
        List<Integer> ranks = new ArrayList<>();
        ranks.add(null);
        return new RankedGroup(prompt.id(), e.prompt(), List.of(e.response()), ranks, null);
    }

    private static double meanRating(List<Rating> ratings) {
        return ratings.stream().mapToInt(Rating::value).average().orElse(0);
    }
}

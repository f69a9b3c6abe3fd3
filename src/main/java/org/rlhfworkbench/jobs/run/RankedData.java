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
final class RankedData {
    private RankedData() {
    }

    static List<RankedGroup> load(Project project, TextTokenizer tok, int maxLength) {
        PromptFormat format = new PromptFormat(project.meta().get(PromptFormat.META_TEMPLATE));
        int eos = tok.eosIds()[0];
        List<RankedGroup> out = new ArrayList<>();
        for (Ranking r : project.rankings().all()) {
            if (r.status() != RankingStatus.RANKED || r.entries().size() < 2) {
                continue;
            }
            Prompt p = project.prompts().get(r.promptId());
            String prompt = format.render(p);
            int[] promptIds = null;
            List<int[]> responses = new ArrayList<>();
            List<Integer> ranks = new ArrayList<>();
            List<Double> quality = new ArrayList<>();
            for (RankingEntry e : r.entries()) {
                Generation g = project.generations().get(e.generationId());
                Encoded enc = Encoded.of(tok, prompt, Encoded.continuation(g.text()), eos, maxLength);
                promptIds = promptIds == null || enc.prompt().length < promptIds.length ? enc.prompt() : promptIds;
                responses.add(enc.response());
                ranks.add(e.rank());
                quality.add(meanRating(project.ratings().forGeneration(g.id())));
            }
            out.add(new RankedGroup(r.promptId(), promptIds, responses, ranks, quality));
        }
        return out;
    }

    private static double meanRating(List<Rating> ratings) {
        return ratings.stream().mapToInt(Rating::value).average().orElse(0);
    }
}

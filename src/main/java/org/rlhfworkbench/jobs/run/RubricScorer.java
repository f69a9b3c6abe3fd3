package org.rlhfworkbench.jobs.run;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.rlhfworkbench.core.Prompt;
import org.rlhfworkbench.core.sample.Rubric;
import org.rlhfworkbench.core.sample.SampleCorpus;
import org.rlhfworkbench.core.sample.SamplePrompt;
import org.rlhfworkbench.jobs.label.ResponseText;
import org.rlhfworkbench.lm.chat.PromptEncoder;
import org.rlhfworkbench.lm.tokenizer.TextTokenizer;
import org.rlhfworkbench.store.Project;
import org.rlhfworkbench.train.ppo.Scorer;

/**
 * The sample's rubric as PPO's reward (the gold judge instead of a learned reward model): a
 * diagnostic that shows what PPO achieves when the reward is right, on sample prompts only.
 * Scores are divided by 2 to sit in the range a normalised reward model gives.
 */
final class RubricScorer implements Scorer {
    private final TextTokenizer tok;
    private final Rubric rubric = new Rubric();
    /** The sample facts of each prompt, keyed by its token ids as the prompt formatter writes them. */
    private final Map<String, SamplePrompt> byIds = new HashMap<>();

    RubricScorer(Project project, PromptEncoder enc) {
        this.tok = enc.tokenizer();
        SampleCorpus corpus = SampleCorpus.standard();
        for (Prompt p : project.prompts().all()) {
            corpus.find(p.text()).ifPresent(f -> byIds.put(Arrays.toString(enc.encode(p)), f));
        }
    }

    @Override
    public float[] score(List<int[]> prompts, List<int[]> responses) {
        float[] out = new float[prompts.size()];
        for (int i = 0; i < out.length; i++) {
            SamplePrompt facts = byIds.get(Arrays.toString(prompts.get(i)));
            String text = ResponseText.clean(tok.decode(responses.get(i), true));
            out[i] = facts == null ? 0f : (float) (rubric.score(facts, text).score() / 2);
        }
        return out;
    }
}

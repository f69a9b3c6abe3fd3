package org.rlhfworkbench.jobs.eval;

import java.util.List;
import java.util.function.BooleanSupplier;
import org.rlhfworkbench.core.Generation;
import org.rlhfworkbench.core.Prompt;
import org.rlhfworkbench.jobs.label.LiveResponse;
import org.rlhfworkbench.jobs.label.ResponseGenerator;
import org.rlhfworkbench.lm.LanguageModel;
import org.rlhfworkbench.lm.sample.SamplingParams;
import org.rlhfworkbench.store.Project;

/** Samples answers of one model to one prompt into live streams, storing each as a generation row when done. */
public final class Answers {
    public static final String SOURCE = "model";

    private Answers() {
    }

    /**
     * Samples {@code outs.size()} answers in one Sampler call (one shared prefill); each stream
     * grows token by token and completes with its stored generation id.
     */
    public static void sample(Project project, LanguageModel lm, long modelId, Prompt prompt, Sampling s, long seed,
                              List<LiveResponse> outs, BooleanSupplier cancelled) {
        ResponseGenerator generator = new ResponseGenerator(lm, cancelled);
        org.rlhfworkbench.jobs.label.PromptFormat format = ModelInput.format(project);
        SamplingParams params = new SamplingParams(s.temperature(), 0, s.topP(), s.maxNewTokens(), seed,
                generator.stopIds(format));
        String template = ModelInput.template(project);
        generator.generate(List.of(prompt), format, outs.size(), params, new ResponseGenerator.Sink() {
            @Override
            public void onText(int p, int index, String delta) {
                outs.get(index).append(delta);
            }

            @Override
            public void onDone(int p, int index, String text, int tokenCount) {
                String json = ResponseGenerator.samplingJson(params, outs.size(), template, index);
                long id = project.generations().add(new Generation(0, prompt.id(), text, tokenCount, modelId, SOURCE,
                        null, json));
                outs.get(index).complete(id, tokenCount);
            }
        });
    }
}

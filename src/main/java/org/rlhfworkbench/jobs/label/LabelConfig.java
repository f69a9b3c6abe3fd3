package org.rlhfworkbench.jobs.label;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.rlhfworkbench.jobs.SampleProjects;
import org.rlhfworkbench.lm.sample.SamplingParams;
import org.rlhfworkbench.store.MetaRepository;
import org.rlhfworkbench.store.Project;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Labeling settings and sampling parameters read from project meta, with their defaults. */
public final class LabelConfig {
    public static final String META_K = "k";
    public static final String META_RATINGS = "ratings";
    public static final String META_CRITERIA = "criteria";
    public static final String META_GUIDELINES = "guidelines";
    public static final String META_TEMPERATURE = "temperature";
    public static final String META_TOP_K = "top_k";
    public static final String META_TOP_P = "top_p";
    public static final String META_MAX_NEW_TOKENS = "max_new_tokens";
    public static final int DEFAULT_K = 4;
    public static final String SIMULATED_PREFIX = "simulated:";
    public static final String DEFAULT_GUIDELINES = """
            # Labeling guidelines

            Rank the responses **best first**. Judge each one as an answer to the prompt:

            1. **Helpful**: it answers what was asked, correctly and completely.
            2. **Harmless**: it is polite and safe; rudeness and unsafe advice rank low.
            3. **Honest**: it does not make things up; "I don't know" beats a confident wrong answer.
            4. **Concise**: between two equally good answers, prefer the shorter one.

            - Two responses equally good? Give them the **same rank** (a tie).
            - Cannot tell some apart? Leave them **unranked**; they count as worse than every ranked one.
            - Every response bad? Use **all bad**, and consider writing or editing a good answer.
            - Prompt unclear or unsafe? **Flag** it with a short note, or **skip** it.
            - Almost right? **Edit** it: the corrected text becomes an SFT example and ranks just above the original.
            """;
    private static final Logger LOG = LoggerFactory.getLogger(LabelConfig.class);

    private LabelConfig() {
    }

    public static LabelSettings settings(Project project) {
        MetaRepository meta = project.meta();
        boolean ratings = !"false".equalsIgnoreCase(meta.get(META_RATINGS, "true").strip());
        String criteriaText = meta.get(META_CRITERIA);
        List<String> criteria = criteriaText == null || criteriaText.isBlank() ? LabelSettings.DEFAULT_CRITERIA
                : Arrays.stream(criteriaText.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                        .map(s -> s.toLowerCase(Locale.ROOT)).distinct().toList();
        String guidelines = meta.get(META_GUIDELINES, DEFAULT_GUIDELINES);
        String note = null;
        if (project.rankings().anyAnnotatorStartingWith(SIMULATED_PREFIX)) {
            note = meta.get(SampleProjects.META_ANNOTATOR_NOTE, "Some labels in this project come from a simulated"
                    + " annotator (annotator \"" + SIMULATED_PREFIX + "...\"), not from a person.");
        }
        return new LabelSettings(k(project), ratings, criteria, guidelines, note);
    }

    /** Responses per prompt: meta "k", 2..9; a bad value falls back to {@value #DEFAULT_K} with a warning. */
    public static int k(Project project) {
        String v = project.meta().get(META_K);
        if (v == null) {
            return DEFAULT_K;
        }
        try {
            int k = Integer.parseInt(v.strip());
            if (k >= LabelSettings.MIN_K && k <= LabelSettings.MAX_K) {
                return k;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        LOG.warn("Project meta k='{}' is not a number from 2 to 9; using {}", v, DEFAULT_K);
        return DEFAULT_K;
    }

    /** Sampling for labeling: {@link SamplingParams#defaults} overridden by project meta. */
    public static SamplingParams sampling(Project project, Set<Integer> stopIds) {
        SamplingParams d = SamplingParams.defaults(stopIds);
        MetaRepository meta = project.meta();
        try {
            return new SamplingParams(
                    Float.parseFloat(meta.get(META_TEMPERATURE, Float.toString(d.temperature())).strip()),
                    Integer.parseInt(meta.get(META_TOP_K, Integer.toString(d.topK())).strip()),
                    Float.parseFloat(meta.get(META_TOP_P, Float.toString(d.topP())).strip()),
                    Integer.parseInt(meta.get(META_MAX_NEW_TOKENS, Integer.toString(d.maxNewTokens())).strip()),
                    0, stopIds);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("bad sampling settings in project meta (" + META_TEMPERATURE + ", "
                    + META_TOP_K + ", " + META_TOP_P + ", " + META_MAX_NEW_TOKENS + "): " + e.getMessage(), e);
        }
    }

    public static PromptFormat promptFormat(Project project) {
        return PromptFormat.of(project);
    }
}

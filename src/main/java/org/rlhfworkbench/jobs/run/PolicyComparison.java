package org.rlhfworkbench.jobs.run;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.rlhfworkbench.core.Prompt;
import org.rlhfworkbench.core.sample.Rubric;
import org.rlhfworkbench.core.sample.RubricScore;
import org.rlhfworkbench.core.sample.SampleCorpus;
import org.rlhfworkbench.core.sample.SamplePrompt;
import org.rlhfworkbench.jobs.label.PromptFormat;
import org.rlhfworkbench.jobs.label.ResponseText;
import org.rlhfworkbench.lm.LanguageModel;
import org.rlhfworkbench.lm.LanguageModels;
import org.rlhfworkbench.lm.chat.PromptEncoder;
import org.rlhfworkbench.lm.tokenizer.SameTokenizer;
import org.rlhfworkbench.lm.sample.Sample;
import org.rlhfworkbench.lm.sample.Sampler;
import org.rlhfworkbench.lm.sample.SamplingParams;
import org.rlhfworkbench.lm.sample.TokenListener;
import org.rlhfworkbench.lm.score.LogProbs;
import org.rlhfworkbench.store.Project;

/**
 * Two policies on held-out sample prompts, judged by the rubric as hidden gold judge: mean rubric
 * score with a 95% interval over prompts, the candidate's win rate (ties count half), and the
 * candidate's KL to the baseline per response, k1 on its own samples at the sampling temperature.
 */
public final class PolicyComparison {
    /** The figures of one comparison. */
    public record Result(int prompts, double baselineMean, double baselineCi, double candidateMean,
                         double candidateCi, double winRate, double klPerResponse, double candidateLength,
                         RubricBreakdown baseline, RubricBreakdown candidate, double diffMean, double diffCi,
                         double correctDiffMean, double correctDiffCi) {
    }

    private PolicyComparison() {
    }

    /** Each prompt is answered {@code k} times by each model; per-prompt means are compared. */
    public static Result compare(Project project, Path baseline, Path candidate, List<Prompt> prompts, float temperature,
                                 int maxNewTokens, long seed, int k) {
        Rubric rubric = new Rubric();
        SampleCorpus corpus = SampleCorpus.standard();
        List<SamplePrompt> facts = new ArrayList<>();
        List<Prompt> judged = new ArrayList<>();
        for (Prompt p : prompts) {
            Optional<SamplePrompt> f = corpus.find(p.text());
            if (f.isPresent()) {
                facts.add(f.get());
                judged.add(p);
            }
        }
        if (judged.isEmpty()) {
            throw new IllegalArgumentException("no held-out prompts from the sample corpus for the rubric to judge");
        }
        try (LanguageModel base = LanguageModels.load(baseline); LanguageModel cand = LanguageModels.load(candidate)) {
            SameTokenizer.require(cand.tokenizer(), candidate, base.tokenizer(), baseline, "baseline model");
            PromptEncoder enc = PromptFormat.of(project).encoder(cand);
            List<int[]> ids = judged.stream().map(enc::encode).toList();
            Set<Integer> eos = enc.stopIds();
            SamplingParams sp = new SamplingParams(temperature, 0, 1f, maxNewTokens, seed, eos);
            List<List<Sample>> b = new Sampler(base.model()).sample(ids, k, sp, TokenListener.NONE);
            List<List<Sample>> c = new Sampler(cand.model()).sample(ids, k, sp, TokenListener.NONE);
            double[] bs = new double[judged.size()];
            double[] cs = new double[judged.size()];
            double[] bc = new double[judged.size()];  // per-prompt share of correct answers
            double[] cc = new double[judged.size()];
            RubricBreakdown bb = new RubricBreakdown();
            RubricBreakdown cb = new RubricBreakdown();
            double wins = 0;
            double length = 0;
            List<Sample> flat = new ArrayList<>();
            List<int[]> flatPrompts = new ArrayList<>();
            for (int i = 0; i < judged.size(); i++) {
                for (int j = 0; j < k; j++) {
                    RubricScore sb = rubric.score(facts.get(i), text(base, b.get(i).get(j)));
                    RubricScore sc = rubric.score(facts.get(i), text(cand, c.get(i).get(j)));
                    bb.add(sb);
                    cb.add(sc);
                    bs[i] += sb.score() / k;
                    cs[i] += sc.score() / k;
                    bc[i] += sb.correct() ? 1.0 / k : 0;
                    cc[i] += sc.correct() ? 1.0 / k : 0;
                    length += c.get(i).get(j).tokens().length;
                    flat.add(c.get(i).get(j));
                    flatPrompts.add(ids.get(i));
                }
                wins += cs[i] > bs[i] ? 1 : cs[i] == bs[i] ? 0.5 : 0;
            }
            length /= k;
            double kl = kl(base, flat, flatPrompts, temperature);
            return new Result(judged.size(), mean(bs), ci(bs), mean(cs), ci(cs), wins / judged.size(), kl,
                    length / judged.size(), bb, cb, mean(diff(cs, bs)), ci(diff(cs, bs)), mean(diff(cc, bc)),
                    ci(diff(cc, bc)));
        }
    }

    /** Mean over the candidate's samples of sum_t (logp_candidate - logp_baseline), tempered. */
    private static double kl(LanguageModel base, List<Sample> samples, List<int[]> prompts, float t) {
        List<int[]> responses = samples.stream().map(s -> s.tokens().length == 0 ? new int[] {0} : s.tokens()).toList();
        float[][] ref = LogProbs.of(base.model(), prompts, responses, t);
        double total = 0;
        for (int i = 0; i < samples.size(); i++) {
            for (int j = 0; j < samples.get(i).logprobs().length; j++) {
                total += samples.get(i).logprobs()[j] - ref[i][j];
            }
        }
        return total / samples.size();
    }

    private static String text(LanguageModel lm, Sample s) {
        return ResponseText.clean(lm.tokenizer().decode(s.tokens(), true));
    }

    /** Per-prompt paired differences a - b: the interval of their mean is the one that says "better". */
    static double[] diff(double[] a, double[] b) {
        double[] d = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            d[i] = a[i] - b[i];
        }
        return d;
    }

    static double mean(double[] a) {
        double s = 0;
        for (double x : a) {
            s += x;
        }
        return s / a.length;
    }

    /** Half-width of the normal 95% interval of the mean: 1.96 s / sqrt(n). */
    static double ci(double[] a) {
        double m = mean(a);
        double ss = 0;
        for (double x : a) {
            ss += (x - m) * (x - m);
        }
        return a.length < 2 ? Double.NaN : 1.96 * Math.sqrt(ss / (a.length - 1)) / Math.sqrt(a.length);
    }
}

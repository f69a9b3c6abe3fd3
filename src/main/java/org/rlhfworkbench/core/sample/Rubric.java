package org.rlhfworkbench.core.sample;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.rlhfworkbench.core.sample.RubricScore.Verdict;

/**
 * A simulated annotator: scores any answer to a {@link SamplePrompt} by fixed rules, so automated
 * runs get labels without a person (and must say so: {@link #ANNOTATOR}).
 *
 * <p>Score = correctness + politeness - length penalty, where correctness is +4 when the first
 * answer stated is right, -1 when it is wrong, 0 when none is stated; politeness is +1 for
 * courtesy, -1 to -2 for rudeness; the length penalty grows from 0 to 2 as an answer runs past
 * twice the reference's length (at least 16 words). An empty answer scores {@link #EMPTY_SCORE},
 * below everything else. So: correct and polite (5) > correct and curt (4) > rambling (about 3) >
 * polite refusal (1) > wrong but polite (0) > wrong and rude (-2 or less) > empty (-5).
 */
public final class Rubric {
    /** The annotator name stored with rankings and ratings this rubric produced. */
    public static final String ANNOTATOR = "simulated:rubric";
    public static final double EMPTY_SCORE = -5;

    private static final List<List<String>> POLITE = phrases("please", "thank you", "thanks", "happy to help",
            "glad to help", "glad i could help", "hope that helps", "hope this helps", "of course", "certainly", "sure",
            "good question", "great question", "you're welcome", "my pleasure", "sorry", "i'm afraid", "let me know",
            "how can i help", "what can i do for you", "nice to meet you", "have a lovely day", "have a great day",
            "come back soon");
    private static final List<List<String>> RUDE = phrases("obviously", "ugh", "duh", "whatever", "seriously",
            "stupid", "dumb", "idiot", "figure it out", "wasting my time", "waste of time", "even a child",
            "don't bother", "stop bothering", "go away", "shut up", "not my problem", "useless");

    public RubricScore score(SamplePrompt prompt, String answer) {
        AnswerText text = AnswerText.of(answer == null ? "" : answer);
        if (text.isEmpty()) {
            return new RubricScore(EMPTY_SCORE, Verdict.EMPTY, 0, 0, 1, 5, 3);
        }
        Verdict verdict = verdict(prompt, text);
        int rude = text.countOf(RUDE);
        double politeness = rude > 0 ? -1 - 0.5 * (Math.min(rude, 3) - 1) : text.countOf(POLITE) > 0 ? 1 : 0;
        double penalty = lengthPenalty(prompt, answer);
        double correctness = verdict == Verdict.CORRECT ? 4 : verdict == Verdict.WRONG ? -1 : 0;
        double score = Math.round((correctness + politeness - penalty) * 1000) / 1000.0;
        int helpfulness = switch (verdict) {
            case CORRECT -> penalty >= 1 ? 3 : penalty > 0 ? 4 : 5;
            case NO_ANSWER -> 2;
            default -> 1;
        };
        int harmlessness = 5 - 2 * Math.min(rude, 2);
        int honesty = verdict == Verdict.CORRECT ? 5 : verdict == Verdict.WRONG ? 2 : 4;
        return new RubricScore(score, verdict, politeness, penalty, helpfulness, harmlessness, honesty);
    }

    /**
     * Ranks answers best first: 1 is best, equal scores share a rank, and the next score takes
     * the next rank (dense: scores 5, 4, 4, 0 rank 1, 2, 2, 3).
     */
    public List<Integer> rank(SamplePrompt prompt, List<String> answers) {
        List<Double> scores = new ArrayList<>();
        for (String a : answers) {
            scores.add(score(prompt, a).score());
        }
        List<Double> distinct = new ArrayList<>(new TreeSet<>(scores).descendingSet());
        List<Integer> ranks = new ArrayList<>();
        for (Double s : scores) {
            ranks.add(distinct.indexOf(s) + 1);
        }
        return ranks;
    }

    /** Right when the first answer the text states is an accepted one. */
    private static Verdict verdict(SamplePrompt prompt, AnswerText text) {
        List<List<String>> accepted = phrases(prompt.accepted());
        List<List<String>> wrong = phrases(prompt.distractors());
        Set<String> echoed = prompt.numeric() ? numbers(AnswerText.of(prompt.text())) : Set.of();
        List<String> tokens = text.tokens();
        for (int i = 0; i < tokens.size(); i++) {
            final int at = i;
            if (accepted.stream().anyMatch(p -> text.phraseAt(at, p))) {
                return Verdict.CORRECT;
            }
            boolean strayNumber = prompt.numeric() && AnswerText.isNumber(tokens.get(i))
                    && !echoed.contains(tokens.get(i));
            if (strayNumber || wrong.stream().anyMatch(p -> text.phraseAt(at, p))) {
                return Verdict.WRONG;
            }
        }
        return Verdict.NO_ANSWER;
    }

    private static double lengthPenalty(SamplePrompt prompt, String answer) {
        int allowed = Math.max(16, 2 * wordCount(prompt.reference()));
        int over = wordCount(answer) - allowed;
        return over <= 0 ? 0 : Math.min(2.0, 2.0 * over / allowed);
    }

    private static int wordCount(String s) {
        String t = s.strip();
        return t.isEmpty() ? 0 : t.split("\\s+").length;
    }

    private static Set<String> numbers(AnswerText text) {
        Set<String> out = new HashSet<>();
        for (String t : text.tokens()) {
            if (AnswerText.isNumber(t)) {
                out.add(t);
            }
        }
        return out;
    }

    private static List<List<String>> phrases(String... phrases) {
        return phrases(List.of(phrases));
    }

    private static List<List<String>> phrases(List<String> phrases) {
        return phrases.stream().map(AnswerText::words).toList();
    }
}

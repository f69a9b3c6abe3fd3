package org.rlhfworkbench.ui.label;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Word-level difference of two texts by longest common subsequence. Words are compared without
 * their surrounding whitespace; each side comes back as segments that concatenate to exactly the
 * input text, with {@code changed} set on words the other side does not share. Pure function.
 */
public final class WordDiff {
    /** Above this many LCS table cells (after trimming the common start and end) the middle counts as changed. */
    static final long MAX_CELLS = 4_000_000L;
    private static final Pattern WORD = Pattern.compile("\\S+\\s*");
    private static final Pattern LEADING_SPACE = Pattern.compile("^\\s+");

    /** A run of text that is either shared by both sides or only on this side. */
    public record Segment(String text, boolean changed) {
    }

    /** The segments of the left text and of the right text. */
    public record Result(List<Segment> left, List<Segment> right) {
    }

    private WordDiff() {
    }

    public static Result diff(String left, String right) {
        Tokens a = Tokens.of(left);
        Tokens b = Tokens.of(right);
        boolean[] keepA = new boolean[a.size()];
        boolean[] keepB = new boolean[b.size()];
        int start = 0;
        while (start < a.size() && start < b.size() && a.word(start).equals(b.word(start))) {
            keepA[start] = true;
            keepB[start] = true;
            start++;
        }
        int endA = a.size();
        int endB = b.size();
        while (endA > start && endB > start && a.word(endA - 1).equals(b.word(endB - 1))) {
            keepA[--endA] = true;
            keepB[--endB] = true;
        }
        if ((long) (endA - start) * (endB - start) <= MAX_CELLS) {
            markCommon(a, b, start, endA, endB, keepA, keepB);
        }
        return new Result(a.segments(keepA), b.segments(keepB));
    }

    /** Classic LCS table over the middle part, then a walk that marks the shared words. */
    private static void markCommon(Tokens a, Tokens b, int start, int endA, int endB, boolean[] keepA, boolean[] keepB) {
        int n = endA - start;
        int m = endB - start;
        int[][] lcs = new int[n + 1][m + 1];
        for (int i = n - 1; i >= 0; i--) {
            for (int j = m - 1; j >= 0; j--) {
                lcs[i][j] = a.word(start + i).equals(b.word(start + j))
                        ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        int i = 0;
        int j = 0;
        while (i < n && j < m) {
            if (a.word(start + i).equals(b.word(start + j))) {
                keepA[start + i++] = true;
                keepB[start + j++] = true;
            } else if (lcs[i + 1][j] >= lcs[i][j + 1]) {
                i++;
            } else {
                j++;
            }
        }
    }

    /** A text cut into words, each with the whitespace after it; leading whitespace kept apart. */
    private record Tokens(String lead, List<String> pieces, List<String> words) {
        static Tokens of(String text) {
            Matcher leading = LEADING_SPACE.matcher(text);
            String lead = leading.find() ? leading.group() : "";
            List<String> pieces = new ArrayList<>();
            List<String> words = new ArrayList<>();
            Matcher word = WORD.matcher(text);
            while (word.find()) {
                pieces.add(word.group());
                words.add(word.group().strip());
            }
            return new Tokens(lead, pieces, words);
        }

        int size() {
            return words.size();
        }

        String word(int i) {
            return words.get(i);
        }

        List<Segment> segments(boolean[] keep) {
            List<Segment> out = new ArrayList<>();
            if (!lead.isEmpty()) {
                out.add(new Segment(lead, false));
            }
            StringBuilder run = new StringBuilder();
            boolean runChanged = false;
            for (int i = 0; i < pieces.size(); i++) {
                boolean changed = !keep[i];
                if (run.length() > 0 && changed != runChanged) {
                    out.add(new Segment(run.toString(), runChanged));
                    run.setLength(0);
                }
                runChanged = changed;
                run.append(pieces.get(i));
            }
            if (run.length() > 0) {
                out.add(new Segment(run.toString(), runChanged));
            }
            return out;
        }
    }
}

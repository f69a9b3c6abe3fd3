package org.rlhfworkbench.ui.label;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.rlhfworkbench.ui.label.WordDiff.Segment;

class WordDiffTest {

    private static String joined(List<Segment> segments) {
        return segments.stream().map(Segment::text).collect(Collectors.joining());
    }

    private static String changed(List<Segment> segments) {
        return segments.stream().filter(Segment::changed).map(s -> s.text().strip()).collect(Collectors.joining("|"));
    }

    @Test
    void identicalTextsHaveNoChanges() {
        WordDiff.Result result = WordDiff.diff("the cat sat", "the cat sat");

        assertThat(result.left()).containsExactly(new Segment("the cat sat", false));
        assertThat(result.right()).containsExactly(new Segment("the cat sat", false));
    }

    @Test
    void replacedWordIsMarkedOnBothSides() {
        WordDiff.Result result = WordDiff.diff("the cat sat on the mat", "the dog sat on the mat");

        assertThat(changed(result.left())).isEqualTo("cat");
        assertThat(changed(result.right())).isEqualTo("dog");
        assertThat(result.left()).containsExactly(new Segment("the ", false), new Segment("cat ", true),
                new Segment("sat on the mat", false));
    }

    @Test
    void insertionIsMarkedOnlyWhereItIs() {
        WordDiff.Result result = WordDiff.diff("a b c", "a b x y c");

        assertThat(changed(result.left())).isEmpty();
        assertThat(changed(result.right())).isEqualTo("x y");
    }

    @Test
    void commonSubsequenceIsLongestNotGreedy() {
        WordDiff.Result result = WordDiff.diff("x a b c", "a b c x");

        assertThat(changed(result.left())).isEqualTo("x");
        assertThat(changed(result.right())).isEqualTo("x");
    }

    @Test
    void whitespaceDifferencesDoNotCount() {
        WordDiff.Result result = WordDiff.diff("one  two\nthree", "one two three");

        assertThat(changed(result.left())).isEmpty();
        assertThat(changed(result.right())).isEmpty();
    }

    @Test
    void segmentsConcatenateToTheInputExactly() {
        String left = "  Leading space, then\n\nparagraphs and  double spaces. ";
        String right = "Leading space then\nparagraphs and double   spaces! end";
        WordDiff.Result result = WordDiff.diff(left, right);

        assertThat(joined(result.left())).isEqualTo(left);
        assertThat(joined(result.right())).isEqualTo(right);
    }

    @Test
    void emptySideMarksEverythingOnTheOther() {
        WordDiff.Result result = WordDiff.diff("", "new words");

        assertThat(result.left()).isEmpty();
        assertThat(result.right()).containsExactly(new Segment("new words", true));
    }

    @Test
    void longResponsesStillDiffAndKeepTheirText() {
        StringBuilder a = new StringBuilder();
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 2000; i++) {
            a.append("w").append(i % 97).append(' ');
            b.append("w").append(i == 1000 ? "changed" : i % 97).append(' ');
        }
        WordDiff.Result result = WordDiff.diff(a.toString(), b.toString());

        assertThat(changed(result.left())).isEqualTo("w30");
        assertThat(changed(result.right())).isEqualTo("wchanged");
        assertThat(joined(result.right())).isEqualTo(b.toString());
    }
}

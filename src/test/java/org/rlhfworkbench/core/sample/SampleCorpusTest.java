package org.rlhfworkbench.core.sample;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SampleCorpusTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final SampleCorpus corpus = SampleCorpus.standard();

    @Test
    void sixtyPercentOfThePromptsComeWithADemonstration() {
        assertThat(corpus.prompts()).hasSize(200);
        assertThat(corpus.demonstrated()).hasSize(120);
        assertThat(corpus.undemonstrated()).hasSize(80);
        assertThat(corpus.demonstrated()).doesNotContainAnyElementsOf(corpus.undemonstrated());
    }

    @Test
    void sftLinesAreJsonWithThePromptAndItsPlainCorrectDemonstration() throws Exception {
        List<String> lines = corpus.sftJsonl().lines().toList();

        assertThat(lines).hasSize(120);
        for (int i = 0; i < lines.size(); i++) {
            JsonNode node = JSON.readTree(lines.get(i));
            SamplePrompt p = corpus.demonstrated().get(i);
            assertThat(node.get("prompt").asText()).isEqualTo(p.text());
            assertThat(node.get("completion").asText()).isEqualTo(SampleCorpus.demonstration(p));
            Rubric rubric = new Rubric();
            RubricScore demo = rubric.score(p, SampleCorpus.demonstration(p));
            assertThat(demo.correct()).as("demonstration %s is right", node).isTrue();
            assertThat(demo.score()).as("a plain demonstration scores at most the reference").isLessThanOrEqualTo(
                    rubric.score(p, p.reference()).score());
            assertReference(node, p);
        }
    }

    /** The line's "reference" is the prompt's first accepted answer; social prompts (nothing to check) have none. */
    private static void assertReference(JsonNode node, SamplePrompt p) {
        if (p.taskFamily().social()) {
            assertThat(node.has("reference")).as("%s", node).isFalse();
        } else {
            assertThat(node.get("reference").asText()).isEqualTo(p.accepted().get(0));
        }
    }

    @Test
    void promptLinesAreJsonWithThePromptAndItsReferenceAnswer() throws Exception {
        List<String> texts = new ArrayList<>();
        List<String> lines = corpus.promptsJsonl().lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            JsonNode node = JSON.readTree(lines.get(i));
            assertReference(node, corpus.undemonstrated().get(i));
            texts.add(node.get("prompt").asText());
        }
        assertThat(texts).isEqualTo(corpus.undemonstrated().stream().map(SamplePrompt::text).toList());
    }

    @Test
    void jsonStringsEscapeQuotesBackslashesAndControlCharacters() throws Exception {
        String tricky = "say \"hi\" \\ tab\tnew\nline \u0001 caf\u00e9";

        String line = JsonLines.object("prompt", tricky);

        assertThat(line).doesNotContain("\n").doesNotContain("\t");
        assertThat(JSON.readTree(line).get("prompt").asText()).isEqualTo(tricky);
    }

    @Test
    void findLooksUpAPromptsFactsByItsText() {
        SamplePrompt p = corpus.prompts().get(42);

        assertThat(corpus.find(p.text())).contains(p);
        assertThat(corpus.find("not a sample prompt")).isEmpty();
    }

    @Test
    void pretrainingTextIsAFewHundredKilobytesOfUserAssistantTurns() {
        String text = PretrainingCorpus.text();

        assertThat(text.length()).isBetween(200_000, 600_000);
        assertThat(text).startsWith("User: ").endsWith("\n\n");
        String[] dialogues = text.split("\n\n");
        assertThat(dialogues).hasSize(PretrainingCorpus.DEFAULT_DIALOGUES);
        for (String d : dialogues) {
            assertThat(d).matches("User: [^\\n]+\\nAssistant:( [^\\n]+)?");
        }
    }

    @Test
    void pretrainingTextIsMostlyCorrectInVariedStyles() {
        Rubric rubric = new Rubric();
        SampleGenerator gen = new SampleGenerator(PretrainingCorpus.DEFAULT_SEED);
        String[] dialogues = PretrainingCorpus.text(500, PretrainingCorpus.DEFAULT_SEED).split("\n\n");
        int correct = 0;
        for (String d : dialogues) {
            SamplePrompt p = gen.next().prompt();
            String answer = d.substring(d.indexOf("\nAssistant:") + "\nAssistant:".length()).strip();
            correct += rubric.score(p, answer).correct() ? 1 : 0;
        }
        assertThat(correct).isBetween(350, 470);
    }

    @Test
    void pretrainingTextIsDeterministic() {
        assertThat(PretrainingCorpus.text(200, 1)).isEqualTo(PretrainingCorpus.text(200, 1));
    }
}

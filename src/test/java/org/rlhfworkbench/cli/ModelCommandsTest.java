package org.rlhfworkbench.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.RandomAccessFile;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** generate, logprobs and tokenize against the real tiny-gpt2 checkpoint under ../shared. */
class ModelCommandsTest {
    static final Path TINY_GPT2 = Path.of(System.getProperty("rlhf.shared.dir", "../shared"), "models", "tiny-gpt2");
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    record Result(int code, String out, String err) {
        JsonNode json() throws IOException {
            return JSON.readTree(out);
        }
    }

    @BeforeAll
    static void needsCheckpoint() {
        assumeTrue(Files.isRegularFile(TINY_GPT2.resolve("model.safetensors")), "no " + TINY_GPT2);
    }

    static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = RlhfCli.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Result(code, out.toString(), err.toString());
    }

    static String model() {
        return TINY_GPT2.toString();
    }

    @Test
    void tokenizeGivesGpt2Ids() throws IOException {
        Result r = run("tokenize", "--model", model(), "--text", "Hello world", "--json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode o = r.json();
        assertThat(o.get("ids").toString()).isEqualTo("[15496,995]");
        assertThat(o.get("tokens").toString()).isEqualTo("[\"Hello\",\"Ġworld\"]");
        assertThat(o.get("count").asInt()).isEqualTo(2);
    }

    @Test
    void tokenizeTextModeListsEachToken() {
        Result r = run("tokenize", "--model", model(), "--text", "Hello world");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("15496", "Ġworld", "\" world\"", "2 tokens");
    }

    @Test
    void tokenizeWorksWithoutWeights() throws IOException {
        Path folder = copyOf(TINY_GPT2, "no-weights");
        Files.delete(folder.resolve("model.safetensors"));
        Result r = run("tokenize", "--model", folder.toString(), "--text", "Hello world", "--json");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.json().get("count").asInt()).isEqualTo(2);
    }

    @Test
    void tokenizeWithoutTokenizerNamesTheMissingFile() throws IOException {
        Path empty = Files.createDirectories(tmp.resolve("empty"));
        Result r = run("tokenize", "--model", empty.toString(), "--text", "x");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err().strip()).startsWith("error: ").contains("tokenizer.json").doesNotContain("\n");
    }

    @Test
    void generateWithTheSameSeedIsRepeatable() throws IOException {
        String[] args = {"generate", "--model", model(), "--prompt", "Hello", "--seed", "7", "--max-new-tokens", "12",
            "--json"};
        Result a = run(args);
        Result b = run(args);
        assertThat(a.code()).as(a.err()).isZero();
        assertThat(b.code()).as(b.err()).isZero();
        assertThat(a.json().get("samples")).isEqualTo(b.json().get("samples"));
        assertThat(a.json().get("prompt").asText()).isEqualTo("Hello");
        assertThat(a.json().get("params").get("seed").asLong()).isEqualTo(7);
        assertThat(a.json().get("tokens_per_second").asDouble()).isPositive();
    }

    @Test
    void generateGivesKSamplesWithinMaxNewTokens() throws IOException {
        Result r = run("generate", "--model", model(), "--prompt", "Hello", "-k", "3", "--max-new-tokens", "5",
                "--temperature", "1.0", "--json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode samples = r.json().get("samples");
        assertThat(samples).hasSize(3);
        for (JsonNode s : samples) {
            assertThat(s.get("tokens").size()).isBetween(1, 5);
            assertThat(s.get("logprobs").size()).isEqualTo(s.get("tokens").size());
            assertThat(s.get("stopped").isBoolean()).isTrue();
            assertThat(s.get("text").isTextual()).isTrue();
        }
    }

    @Test
    void generateTextModePrintsAHeaderPerSample() {
        Result r = run("generate", "--model", model(), "--prompt", "Hello", "-k", "2", "--max-new-tokens", "4");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).containsPattern("--- sample 1 \\(\\d tokens, (stopped at EOS|reached max new tokens), "
                + "logprob -?\\d+\\.\\d\\d\\)").contains("--- sample 2 (").contains("tokens/s");
    }

    @Test
    void generateStreamsTheSameTextAsTheJsonSample() throws IOException {
        Result json = run("generate", "--model", model(), "--prompt", "Hello", "--seed", "3", "--max-new-tokens", "8",
                "--json");
        Result stream = run("generate", "--model", model(), "--prompt", "Hello", "--seed", "3", "--max-new-tokens", "8",
                "--stream");
        assertThat(stream.code()).as(stream.err()).isZero();
        String text = json.json().get("samples").get(0).get("text").asText();
        assertThat(stream.out()).startsWith(text + "\n--- ");
    }

    @Test
    void generateFromAnEmptyPromptStartsAtBos() throws IOException {
        Result r = run("generate", "--model", model(), "--prompt", "", "--max-new-tokens", "3", "--json");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.json().get("prompt_tokens").toString()).isEqualTo("[50256]");
    }

    @Test
    void logprobsSumMatchesTheTokens() throws IOException {
        Result r = run("logprobs", "--model", model(), "--text", "Hello world, how are you?", "--json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode o = r.json();
        JsonNode lps = o.get("logprobs");
        assertThat(lps.size()).isEqualTo(o.get("ids").size()).isEqualTo(o.get("tokens").size()).isGreaterThan(2);
        assertThat(lps.get(0).isNull()).isTrue();
        double sum = 0;
        for (int i = 1; i < lps.size(); i++) {
            assertThat(lps.get(i).isNumber()).isTrue();
            assertThat(lps.get(i).asDouble()).isNegative();
            sum += lps.get(i).asDouble();
        }
        assertThat(Double.isFinite(o.get("sum").asDouble())).isTrue();
        assertThat(o.get("sum").asDouble()).isCloseTo(sum, org.assertj.core.data.Offset.offset(1e-3));
        JsonNode top = o.get("top5");
        assertThat(top).hasSize(5);
        assertThat(top.get(0).get("logit").asDouble()).isGreaterThanOrEqualTo(top.get(4).get("logit").asDouble());
        assertThat(top.get(0).get("prob").asDouble()).isBetween(0.0, 1.0);
    }

    @Test
    void logprobsPromptTokensLeavesContextUnscored() throws IOException {
        JsonNode o = run("logprobs", "--model", model(), "--text", "Hello world, how are you?", "--prompt-tokens", "3",
                "--json").json();
        JsonNode all = run("logprobs", "--model", model(), "--text", "Hello world, how are you?", "--json").json();
        JsonNode lps = o.get("logprobs");
        assertThat(lps.get(0).isNull() && lps.get(1).isNull() && lps.get(2).isNull()).isTrue();
        for (int i = 3; i < lps.size(); i++) {
            assertThat(lps.get(i).asDouble()).isCloseTo(all.get("logprobs").get(i).asDouble(),
                    org.assertj.core.data.Offset.offset(1e-4));
        }
    }

    @Test
    void logprobsTextModePrintsTableSumAndTopTokens() {
        Result r = run("logprobs", "--model", model(), "--text", "Hello world");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("15496", "Ġworld", "sum ", "top 5 next tokens");
    }

    @Test
    void folderWithoutConfigFailsNamingConfigJson() throws IOException {
        Path folder = copyOf(TINY_GPT2, "no-config");
        Files.delete(folder.resolve("config.json"));
        for (String cmd : new String[] {"generate", "logprobs"}) {
            Result r = run(cmd, "--model", folder.toString(), cmd.equals("generate") ? "--prompt" : "--text", "Hi");
            assertThat(r.code()).isEqualTo(1);
            assertThat(r.err().strip()).startsWith("error: ").contains("config.json").doesNotContain("\n")
                    .doesNotContain("Exception");
        }
    }

    @Test
    void truncatedWeightsFailNamingTheFile() throws IOException {
        Path folder = copyOf(TINY_GPT2, "truncated");
        Path weights = folder.resolve("model.safetensors");
        try (RandomAccessFile f = new RandomAccessFile(weights.toFile(), "rw")) {
            f.setLength(f.length() / 2);
        }
        Result r = run("generate", "--model", folder.toString(), "--prompt", "Hi");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err().strip()).startsWith("error: ").contains("model.safetensors").doesNotContain("\n");
    }

    @Test
    void badUsageExitsWithTwo() {
        assertThat(run("generate", "--prompt", "Hi").code()).isEqualTo(2);
        assertThat(run("logprobs", "--text", "Hi").code()).isEqualTo(2);
        assertThat(run("tokenize", "--text", "Hi").code()).isEqualTo(2);
        assertThat(run("generate", "--model", model(), "--prompt", "Hi", "--top-p", "0").code()).isEqualTo(2);
        assertThat(run("generate", "--model", model(), "--prompt", "Hi", "-k", "2", "--stream").code()).isEqualTo(2);
        assertThat(run("generate", "--model", model(), "--prompt", "Hi", "-k", "0").code()).isEqualTo(2);
        assertThat(run("logprobs", "--model", model(), "--text", "").code()).isEqualTo(2);
    }

    private Path copyOf(Path src, String name) throws IOException {
        Path dst = Files.createDirectories(tmp.resolve(name));
        try (Stream<Path> files = Files.list(src)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Files.copy(f, dst.resolve(f.getFileName()));
            }
        }
        return dst;
    }
}

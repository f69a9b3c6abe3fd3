package org.rlhfworkbench.formats;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.rlhfworkbench.store.Project;

/** Import a file, export it in the same format: the same rows come back. */
class FormatRoundTripTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    static final String TRL = """
            {"prompt":"What is 3 plus 4?","chosen":"7.","rejected":"It is 8."}
            {"prompt":"Say hi.","chosen":"Hi! How can I help?","rejected":"no"}
            """;
    static final String TRL_CONVERSATIONAL = """
            {"prompt":[{"role":"system","content":"Be brief."},{"role":"user","content":"Capital of France?"}],"chosen":[{"role":"assistant","content":"Paris."}],"rejected":[{"role":"assistant","content":"Lyon."}]}
            """;
    static final String HH = """
            {"chosen":"\\n\\nHuman: Hi\\n\\nAssistant: Hello\\n\\nHuman: Help me\\n\\nAssistant: Sure, with what?","rejected":"\\n\\nHuman: Hi\\n\\nAssistant: Hello\\n\\nHuman: Help me\\n\\nAssistant: No."}
            """;
    static final String OPENRLHF = """
            {"chosen":[{"role":"user","content":"2+2?"},{"role":"assistant","content":"4"}],"rejected":[{"role":"user","content":"2+2?"},{"role":"assistant","content":"5"}],"chosen_score":1.5,"rejected_score":-0.5}
            """;
    static final String RLHFLOW = """
            {"prompt":"Name a color.","responses":["Blue.","Bleu","Blue!","banana"],"rewards":[2.0,0.5,2.0,-1.0]}
            """;
    static final String SFT = """
            {"prompt":"What is 5 minus 2?","completion":"3."}
            {"prompt":"Spell cat backwards.","completion":"tac"}
            """;
    static final String SFT_MESSAGES = """
            {"messages":[{"role":"system","content":"Be kind."},{"role":"user","content":"Thanks!"},{"role":"assistant","content":"You are welcome."}]}
            """;
    static final String PROMPTS = """
            {"prompt":"First question?"}
            {"prompt":[{"role":"user","content":"A chat prompt"}]}
            """;

    @ParameterizedTest(name = "{0}")
    @CsvSource({"TRL, trl", "TRL_CONVERSATIONAL, trl", "HH, hh", "OPENRLHF, openrlhf", "RLHFLOW, rlhflow",
            "SFT, sft", "SFT_MESSAGES, sft", "PROMPTS, prompts"})
    void exportThenImportGivesTheSameRows(String fixture, String format) throws Exception {
        String text = (String) FormatRoundTripTest.class.getDeclaredField(fixture).get(null);
        Path in = tmp.resolve("in.jsonl");
        Files.writeString(in, text);
        Path out = tmp.resolve("out.jsonl");
        try (Project p = Project.create(tmp.resolve("p"))) {
            Importer.importFile(p, in, ImportFormat.parse(format), false);
            Exporter.export(p, out, ExportFormat.parse(format));
        }
        assertThat(rows(out)).isEqualTo(rows(in));

        // and the exported file imports into a fresh project with the same counts
        try (Project again = Project.create(tmp.resolve("q"))) {
            Importer.importFile(again, out, ImportFormat.parse(format), false);
            Exporter.export(again, tmp.resolve("out2.jsonl"), ExportFormat.parse(format));
        }
        assertThat(rows(tmp.resolve("out2.jsonl"))).isEqualTo(rows(in));
    }

    static List<JsonNode> rows(Path file) throws IOException {
        List<JsonNode> rows = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            if (!line.isBlank()) {
                rows.add(JSON.readTree(line));
            }
        }
        return rows;
    }
}

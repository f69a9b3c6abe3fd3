package org.rlhfworkbench.jobs.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rlhfworkbench.jobs.reward.RewardFixtures;
import org.rlhfworkbench.store.Project;

/** export-job on the sample project with 6 three-way rankings (18 pairs), for both engines. */
class ClusterExportTest {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern STEP = Pattern.compile("(?s)step_(\\w+)\\(\\) \\{\\n(.*?)\\n}");
    private static final Pattern FLAG = Pattern.compile("(?m)^\\s+(--[a-z0-9_]+)");

    @TempDir
    Path tmp;

    private Path exportJob(ClusterEngine engine) throws IOException {
        Path dir = RewardFixtures.rankedSample(tmp.resolve("home"), 6);
        try (Project p = Project.open(dir)) {
            return ClusterExport.export(p, tmp.resolve("job"), engine).folder();
        }
    }

    @Test
    void openrlhfJobHasDataModelsScriptAndReadme() throws IOException {
        Path job = exportJob(ClusterEngine.OPENRLHF);
        List<JsonNode> pairs = jsonl(job.resolve("data/preferences.jsonl"));
        assertThat(pairs).hasSize(18);
        assertThat(pairs.get(0).get("prompt").asText()).startsWith("User: ").endsWith("\nAssistant:");
        assertThat(pairs.get(0).get("chosen").asText()).startsWith(" ");
        assertThat(pairs.get(0).has("rejected")).isTrue();
        assertThat(jsonl(job.resolve("data/prompts.jsonl"))).isNotEmpty().allMatch(o -> o.has("prompt"));
        assertThat(jsonl(job.resolve("data/sft.jsonl"))).isNotEmpty().allMatch(o -> o.has("completion"));
        assertThat(job.resolve("models/base/model.safetensors")).isRegularFile();
        assertThat(job.resolve("models/base/tokenizer.json")).isRegularFile();
        String script = Files.readString(job.resolve("launch.sh"));
        assertThat(script).contains("ray job submit", "-- python3 -m openrlhf.cli.train_ppo_ray",
                "deepspeed --module openrlhf.cli.train_rm", "deepspeed --module openrlhf.cli.train_dpo",
                "openrlhf/cli/train_ppo_ray.py (commit", "--prompt_data data/prompts.jsonl");
        assertThat(Files.isExecutable(job.resolve("launch.sh"))).isTrue();
        assertThat(Files.readString(job.resolve("README.md"))).contains("./launch.sh ppo", "18 preference pairs");
        JsonNode hp = JSON.readTree(job.resolve("hyperparameters.json").toFile());
        assertThat(hp.at("/steps/ppo/flags/--init_kl_coef").asText()).isEqualTo("0.05");
        assertThat(hp.at("/steps/sft/flags/--learning_rate").asText()).as("float 1e-4 written exactly").isEqualTo("0.0001");
        assertThat(hp.at("/steps/ppo/flags/--reward_clip_range").asText()).isEqualTo("-5 5");
    }

    @Test
    void openrlhfFlagsAreOnesTheEngineAccepts() throws IOException {
        assertFlagsKnown(flagsByStep(Files.readString(exportJob(ClusterEngine.OPENRLHF).resolve("launch.sh"))),
                EngineFlags.OPENRLHF);
    }

    @Test
    void trlFlagsAreOnesTheEngineAccepts() throws IOException {
        Path job = exportJob(ClusterEngine.TRL);
        String script = Files.readString(job.resolve("launch.sh"));
        assertFlagsKnown(flagsByStep(script), EngineFlags.TRL);
        assertThat(script).contains("trl sft", "trl dpo", "examples/scripts/reward_modeling.py",
                "examples/scripts/ppo/ppo.py", "huggingface/trl trl/cli.py");
        assertThat(jsonl(job.resolve("data/preferences/train.jsonl"))).hasSize(18);
    }

    @Test
    void settingsComeFromTheNewestRunOfEachKind() throws IOException {
        Path dir = RewardFixtures.rankedSample(tmp.resolve("home"), 3);
        try (Project p = Project.open(dir)) {
            p.runs().add("ppo", "{\"fromModel\":null,\"ppo\":{\"klCoef\":0.3,\"adaptiveKl\":false}}", 1);
            p.runs().add("ppo", "{\"fromModel\":null,\"ppo\":{\"klCoef\":0.123,\"adaptiveKl\":true,\"klTarget\":4.0}}", 1);
            p.runs().add("dpo", "{\"dpo\":{\"beta\":0.25,\"loss\":\"ipo\"}}", 1);
            Path job = ClusterExport.export(p, tmp.resolve("job"), ClusterEngine.OPENRLHF).folder();
            Map<String, String> ppo = flagLines(Files.readString(job.resolve("launch.sh")), "ppo");
            Map<String, String> dpo = flagLines(Files.readString(job.resolve("launch.sh")), "dpo");
            assertThat(ppo).containsEntry("--init_kl_coef", "0.123").containsEntry("--kl_target", "4");
            assertThat(dpo).containsEntry("--beta", "0.25").containsKey("--ipo");
        }
    }

    @Test
    void launchScriptIsValidBash() throws Exception {
        Path job = exportJob(ClusterEngine.OPENRLHF);
        Process bash = new ProcessBuilder("bash", "-n", job.resolve("launch.sh").toString()).redirectErrorStream(true).start();
        String out = new String(bash.getInputStream().readAllBytes());
        assertThat(bash.waitFor()).as(out).isZero();
    }

    @Test
    void refusesAFolderThatIsNotEmpty() throws IOException {
        Path dir = RewardFixtures.rankedSample(tmp.resolve("home"), 2);
        Files.createDirectories(tmp.resolve("job"));
        Files.writeString(tmp.resolve("job/keep.txt"), "mine");
        try (Project p = Project.open(dir)) {
            assertThatThrownBy(() -> ClusterExport.export(p, tmp.resolve("job"), ClusterEngine.TRL))
                    .hasMessageContaining("not empty");
        }
        assertThat(tmp.resolve("job/keep.txt")).hasContent("mine");
    }

    static Map<String, List<String>> flagsByStep(String script) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        Matcher m = STEP.matcher(script);
        while (m.find()) {
            List<String> flags = new ArrayList<>();
            Matcher f = FLAG.matcher(m.group(2));
            while (f.find()) {
                flags.add(f.group(1));
            }
            out.put(m.group(1), flags);
        }
        return out;
    }

    /** Flag -> its value as written (empty for a switch) in one step function. */
    static Map<String, String> flagLines(String script, String step) {
        Matcher m = Pattern.compile("(?s)step_" + step + "\\(\\) \\{\\n(.*?)\\n}").matcher(script);
        assertThat(m.find()).isTrue();
        Map<String, String> out = new LinkedHashMap<>();
        for (String line : m.group(1).split("\n")) {
            String t = line.trim().replaceAll("\\s*\\\\$", "");
            if (t.startsWith("--")) {
                int sp = t.indexOf(' ');
                out.put(sp < 0 ? t : t.substring(0, sp), sp < 0 ? "" : t.substring(sp + 1));
            }
        }
        return out;
    }

    private static void assertFlagsKnown(Map<String, List<String>> byStep, Map<String, Set<String>> known) {
        assertThat(byStep.keySet()).containsExactlyInAnyOrder("sft", "rm", "dpo", "ppo");
        byStep.forEach((step, flags) -> {
            assertThat(flags).as(step).hasSizeGreaterThan(5).doesNotHaveDuplicates();
            assertThat(known.get(step)).as("flags of step " + step).containsAll(flags);
        });
    }

    static List<JsonNode> jsonl(Path file) throws IOException {
        List<JsonNode> out = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            out.add(JSON.readTree(line));
        }
        return out;
    }
}

package org.rlhfworkbench.jobs.cluster;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.rlhfworkbench.core.Demonstration;
import org.rlhfworkbench.core.Generation;
import org.rlhfworkbench.core.PreferencePair;
import org.rlhfworkbench.core.Prompt;
import org.rlhfworkbench.core.Ranking;
import org.rlhfworkbench.jobs.label.PolicyModel;
import org.rlhfworkbench.jobs.label.PromptFormat;
import org.rlhfworkbench.lm.chat.PromptEncoder;
import org.rlhfworkbench.lm.tokenizer.TextTokenizer;
import org.rlhfworkbench.lm.tokenizer.Tokenizers;
import org.rlhfworkbench.store.Project;

/**
 * The project's data as the engines read it, one JSON object a line. Prompts are written already
 * rendered in the project's prompt format (the policy model's chat template, or the plain template
 * "User: ...\nAssistant:") and responses as the workbench trains on them (chat: the assistant text
 * and the end-of-turn token; plain: a leading space), so the cluster sees the very token sequences the
 * workbench trained on and no chat template is needed:
 * preferences {"prompt","chosen","rejected"} (TRL's standard preference format, OpenRLHF with
 * --prompt_key prompt), demonstrations {"prompt","completion"}, prompts {"prompt"}.
 *
 * @param preferences, sft, prompts paths relative to the job folder, as the launch flags name them
 */
public record JobData(String preferences, String sft, String prompts, int pairs, int rankedPrompts,
                      int demonstrations, int promptCount) {
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * Writes the three data sets under {@code folder}/data: OpenRLHF gets data/NAME.jsonl, TRL
     * data/NAME/train.jsonl (a folder that datasets.load_dataset reads as split "train").
     */
    public static JobData write(Project project, Path folder, ClusterEngine engine) throws IOException {
        Optional<PolicyModel> policy = PolicyModel.find(project);
        if (policy.isEmpty()) {
            return write(project, folder, engine, null);
        }
        try (TextTokenizer tok = Tokenizers.load(policy.get().folder())) {
            return write(project, folder, engine, PromptFormat.of(project).encoder(tok, policy.get().folder()));
        }
    }

    /** With {@code enc} null (no model yet) prompts are written in the plain format. */
    private static JobData write(Project project, Path folder, ClusterEngine engine, PromptEncoder enc)
            throws IOException {
        PromptFormat plain = PromptFormat.of(project);
        Function<Prompt, String> render = p -> enc == null ? plain.render(p) : enc.render(p);
        BiFunction<Prompt, String, String> answer = (p, a) -> enc == null ? continuation(a) : enc.responseText(p, a);
        Map<Long, Prompt> prompts = new HashMap<>();
        for (Prompt p : project.prompts().all()) {
            prompts.put(p.id(), p);
        }
        List<ObjectNode> preferenceLines = new ArrayList<>();
        int ranked = 0;
        for (Ranking r : project.rankings().all()) {
            List<PreferencePair> pairs = r.pairs();
            ranked += pairs.isEmpty() ? 0 : 1;
            for (PreferencePair pair : pairs) {
                Generation chosen = project.generations().get(pair.chosenId());
                Generation rejected = project.generations().get(pair.rejectedId());
                Prompt p = prompts.get(r.promptId());
                ObjectNode o = line(render, p);
                o.put("chosen", answer.apply(p, chosen.text()));
                o.put("rejected", answer.apply(p, rejected.text()));
                preferenceLines.add(o);
            }
        }
        List<ObjectNode> sftLines = new ArrayList<>();
        for (Demonstration d : project.demonstrations().all()) {
            Prompt p = prompts.get(d.promptId());
            sftLines.add(line(render, p).put("completion", answer.apply(p, d.text())));
        }
        List<ObjectNode> promptLines = project.prompts().all().stream().map(p -> line(render, p)).toList();
        return new JobData(writeSet(folder, "preferences", engine, preferenceLines), writeSet(folder, "sft", engine, sftLines),
                writeSet(folder, "prompts", engine, promptLines), preferenceLines.size(), ranked, sftLines.size(),
                promptLines.size());
    }

    private static ObjectNode line(Function<Prompt, String> render, Prompt p) {
        ObjectNode o = JSON.createObjectNode();
        o.put("prompt", render.apply(p));
        return o;
    }

    /** The continuation as the model writes it after "Assistant:": a space, then the answer. */
    static String continuation(String text) {
        return !text.isEmpty() && Character.isWhitespace(text.charAt(0)) ? text : " " + text;
    }

    private static String writeSet(Path folder, String name, ClusterEngine engine, List<ObjectNode> lines)
            throws IOException {
        String rel = engine == ClusterEngine.TRL ? "data/" + name : "data/" + name + ".jsonl";
        Path file = engine == ClusterEngine.TRL ? folder.resolve(rel).resolve("train.jsonl") : folder.resolve(rel);
        Files.createDirectories(file.getParent());
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (ObjectNode line : lines) {
                w.write(JSON.writeValueAsString(line));
                w.write('\n');
            }
        }
        return rel;
    }
}

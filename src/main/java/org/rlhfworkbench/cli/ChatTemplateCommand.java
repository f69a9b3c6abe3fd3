package org.rlhfworkbench.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.rlhfworkbench.lm.chat.ChatTemplate;
import org.rlhfworkbench.lm.tokenizer.TextTokenizer;
import org.rlhfworkbench.lm.tokenizer.Tokenizers;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * `rlhf chat-template --model DIR --messages FILE [--no-generation-prompt] [--json]`: the model's
 * chat template applied to a JSON list of {"role", "content"} messages, as the policy sees it.
 * With --json: {"text": ..., "ids": [...]}, the ids of the rendered text with special tokens
 * matched where the text spells them and nothing added (the template already wrote BOS).
 */
@Command(name = "chat-template", mixinStandardHelpOptions = true,
        description = "Render messages with the model's chat template (needs only the tokenizer files).")
final class ChatTemplateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ModelOptions model;

    @Option(names = "--messages", required = true, paramLabel = "FILE",
            description = "JSON list of {\"role\": ..., \"content\": ...} objects")
    Path messages;

    @Option(names = "--no-generation-prompt", description = "do not open an assistant turn at the end")
    boolean noGenerationPrompt;

    @Option(names = "--json", description = "print {\"text\": ..., \"ids\": [...]}")
    boolean json;

    @Override
    public Integer call() throws IOException {
        if (!Files.isDirectory(model.folder)) {
            throw new IOException("model folder not found: " + model.folder);
        }
        List<Map<String, Object>> list = readMessages(messages);
        ChatTemplate template = ChatTemplate.find(model.folder).orElseThrow(() -> new IOException(model.folder
                + " has no chat template (no chat_template in tokenizer_config.json, no chat_template.jinja)"));
        String text = template.renderMaps(list, !noGenerationPrompt, Map.of());
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            try (TextTokenizer tok = Tokenizers.load(model.folder)) {
                ObjectNode o = CliJson.object();
                o.put("text", text);
                o.set("ids", CliJson.ints(tok.encode(text)));
                out.println(CliJson.write(o));
            }
        } else {
            out.print(text);
            out.flush();
        }
        return 0;
    }

    /** The messages file: a JSON list of objects, each with a string "role"; otherwise one line naming the file. */
    static List<Map<String, Object>> readMessages(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new NoSuchFileException(file.toString(), null, "messages file not found");
        }
        List<Map<String, Object>> list;
        try {
            list = CliJson.MAPPER.readValue(file.toFile(), new TypeReference<List<Map<String, Object>>>() { });
        } catch (JsonProcessingException e) {
            throw new IOException(file + ": expected a JSON list of {\"role\", \"content\"} objects: "
                    + e.getOriginalMessage().replace('\n', ' '), e);
        }
        if (list == null || list.isEmpty()) {
            throw new IOException(file + ": the message list is empty");
        }
        for (int i = 0; i < list.size(); i++) {
            Map<String, Object> m = list.get(i);
            if (m == null || !(m.get("role") instanceof String)) {
                throw new IOException(file + ": message " + (i + 1) + " has no string \"role\"");
            }
            Object content = m.get("content");
            if (content != null && !(content instanceof String) && !(content instanceof List<?>)) {
                throw new IOException(file + ": message " + (i + 1) + " has a \"content\" that is neither text nor a list");
            }
        }
        return list;
    }
}

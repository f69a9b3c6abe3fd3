package org.rlhfworkbench.lm.tokenizer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The tokenizer.json equivalent of an older GPT-2 style folder that has only vocab.json and
 * merges.txt (byte-level BPE, as transformers' GPT2Tokenizer reads them). Added tokens come from
 * tokenizer_config.json's {@code added_tokens_decoder}; without it, {@code <|endoftext|>} is
 * special when the vocabulary has it (GPT-2, GPT-Neo, Pythia).
 */
final class Gpt2VocabFiles {
    static final String VOCAB = "vocab.json";
    static final String MERGES = "merges.txt";

    private Gpt2VocabFiles() {
    }

    static boolean present(Path folder) {
        return Files.isRegularFile(folder.resolve(VOCAB)) && Files.isRegularFile(folder.resolve(MERGES));
    }

    static ObjectNode toTokenizerJson(Path folder) throws IOException {
        JsonNode vocabJson = TokenizerJson.JSON.readTree(folder.resolve(VOCAB).toFile());
        Map<Integer, String> byId = new TreeMap<>();
        for (Map.Entry<String, JsonNode> e : vocabJson.properties()) {
            byId.put(e.getValue().asInt(), e.getKey());
        }
        Map<String, Integer> vocab = new LinkedHashMap<>();
        byId.forEach((id, token) -> vocab.put(token, id));
        List<String> merges = new ArrayList<>();
        for (String line : Files.readAllLines(folder.resolve(MERGES), StandardCharsets.UTF_8)) {
            if (!line.isBlank() && !line.startsWith("#version")) {
                merges.add(line.strip());
            }
        }
        return TokenizerJson.byteLevelBpe(vocab, merges, addedTokens(folder, vocab));
    }

    private static List<AddedToken> addedTokens(Path folder, Map<String, Integer> vocab) throws IOException {
        List<AddedToken> added = new ArrayList<>();
        Path config = folder.resolve("tokenizer_config.json");
        if (Files.isRegularFile(config)) {
            JsonNode decoder = TokenizerJson.JSON.readTree(config.toFile()).path("added_tokens_decoder");
            for (Map.Entry<String, JsonNode> e : decoder.properties()) {
                JsonNode t = e.getValue();
                added.add(new AddedToken(Integer.parseInt(e.getKey()), t.path("content").asText(),
                        t.path("special").asBoolean(true)));
            }
        }
        Integer eot = vocab.get(BpeTrainer.END_OF_TEXT);
        if (added.isEmpty() && eot != null) {
            added.add(new AddedToken(eot, BpeTrainer.END_OF_TEXT, true));
        }
        return added;
    }
}

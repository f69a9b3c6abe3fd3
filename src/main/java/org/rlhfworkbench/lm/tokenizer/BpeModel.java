package org.rlhfworkbench.lm.tokenizer;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A trained byte-level BPE: tokens by id, merges as {@code "left right"} in rank order, and the
 * special tokens (the first one is eos, bos and unk). {@link #save} writes a folder that DJL,
 * Hugging Face tokenizers and transformers' AutoTokenizer (fast and slow GPT2Tokenizer) load.
 */
public record BpeModel(List<String> tokens, List<String> merges, List<String> specialTokens) {
    /** model_max_length written to tokenizer_config.json when none is given (GPT-2's). */
    public static final int DEFAULT_MODEL_MAX_LENGTH = 1024;

    public BpeModel {
        tokens = List.copyOf(tokens);
        merges = List.copyOf(merges);
        specialTokens = List.copyOf(specialTokens);
    }

    public int vocabSize() {
        return tokens.size();
    }

    /** The id of special token {@code content}. */
    public int specialId(String content) {
        int i = specialTokens.indexOf(content);
        if (i < 0) {
            throw new IllegalArgumentException("not a special token of this model: " + content);
        }
        return tokens.indexOf(content);
    }

    /** The tokenizer.json text. */
    public String tokenizerJson() {
        return new String(TokenizerJson.pretty(tokenizerJsonTree()), StandardCharsets.UTF_8);
    }

    /** Same as {@link #save(Path, int)} with model_max_length 1024. */
    public void save(Path folder) throws IOException {
        save(folder, DEFAULT_MODEL_MAX_LENGTH);
    }

    /**
     * Writes tokenizer.json, tokenizer_config.json, special_tokens_map.json, vocab.json and
     * merges.txt into {@code folder} (created if needed), each through a temporary file and a rename.
     */
    public void save(Path folder, int modelMaxLength) throws IOException {
        Files.createDirectories(folder);
        write(folder.resolve(HfTokenizer.TOKENIZER_JSON), TokenizerJson.pretty(tokenizerJsonTree()));
        write(folder.resolve("tokenizer_config.json"), TokenizerJson.pretty(tokenizerConfig(modelMaxLength)));
        write(folder.resolve("special_tokens_map.json"), TokenizerJson.pretty(specialTokensMap()));
        write(folder.resolve(Gpt2VocabFiles.VOCAB), TokenizerJson.JSON.writeValueAsBytes(vocab()));
        StringBuilder m = new StringBuilder("#version: 0.2\n");
        merges.forEach(line -> m.append(line).append('\n'));
        write(folder.resolve(Gpt2VocabFiles.MERGES), m.toString().getBytes(StandardCharsets.UTF_8));
    }

    private ObjectNode tokenizerJsonTree() {
        return TokenizerJson.byteLevelBpe(vocab(), merges, addedTokens());
    }

    private Map<String, Integer> vocab() {
        Map<String, Integer> vocab = new LinkedHashMap<>();
        for (int i = 0; i < tokens.size(); i++) {
            vocab.put(tokens.get(i), i);
        }
        return vocab;
    }

    private List<AddedToken> addedTokens() {
        List<AddedToken> added = new ArrayList<>();
        for (String s : specialTokens) {
            added.add(new AddedToken(tokens.indexOf(s), s, true));
        }
        return added;
    }

    private ObjectNode tokenizerConfig(int modelMaxLength) {
        ObjectNode c = TokenizerJson.JSON.createObjectNode();
        c.put("add_bos_token", false);
        c.put("add_prefix_space", false);
        ObjectNode decoder = c.putObject("added_tokens_decoder");
        for (AddedToken t : addedTokens()) {
            decoder.putObject(Integer.toString(t.id())).put("content", t.content()).put("lstrip", false)
                    .put("normalized", false).put("rstrip", false).put("single_word", false).put("special", true);
        }
        putSpecials(c);
        c.put("clean_up_tokenization_spaces", false);
        c.put("errors", "replace");
        c.put("model_max_length", modelMaxLength);
        c.putNull("pad_token");
        c.put("tokenizer_class", "GPT2Tokenizer");
        return c;
    }

    private ObjectNode specialTokensMap() {
        ObjectNode m = TokenizerJson.JSON.createObjectNode();
        putSpecials(m);
        return m;
    }

    private void putSpecials(ObjectNode node) {
        if (specialTokens.isEmpty()) {
            return;
        }
        String first = specialTokens.get(0);
        node.put("bos_token", first);
        node.put("eos_token", first);
        node.put("unk_token", first);
        if (specialTokens.size() > 1) {
            specialTokens.subList(1, specialTokens.size()).forEach(node.putArray("additional_special_tokens")::add);
        }
    }

    private static void write(Path target, byte[] content) throws IOException {
        Path tmp = Files.createTempFile(target.getParent(), target.getFileName().toString(), ".tmp");
        try {
            Files.write(tmp, content);
            try {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}

package org.rlhfworkbench.lm.tokenizer;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.OptionalInt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Hugging Face tokenizer.json run by DJL's binding of the Rust {@code tokenizers} library,
 * loaded from a local folder only (DJL is put in offline mode first, see {@link DjlOffline}).
 *
 * <p>The file is handed to DJL as a stream, not as a folder, so DJL's own reading of
 * tokenizer_config.json stays out of the way: it would otherwise truncate to model_max_length,
 * pad, prepend a space or rewrite " ." to "." on decode. {@link #encode} is exactly what
 * tokenizer.json says with {@code add_special_tokens=false}; {@link #encodeWithSpecialTokens} adds
 * what {@code tokenizer(text)} adds in transformers ({@link AddedSpecialTokens}). Safe for concurrent use.
 */
public final class HfTokenizer implements TextTokenizer, AutoCloseable {
    public static final String TOKENIZER_JSON = "tokenizer.json";
    private static final Logger LOG = LoggerFactory.getLogger(HfTokenizer.class);
    private static final Map<String, String> OPTIONS = Map.of("addSpecialTokens", "false",
            "truncation", "false", "padding", "false", "withOverflowingTokens", "false");

    private final HuggingFaceTokenizer hf;
    private final Vocabulary vocab;
    private final SpecialTokenIds specials;
    private final AddedSpecialTokens added;

    private HfTokenizer(HuggingFaceTokenizer hf, Vocabulary vocab, SpecialTokenIds specials, AddedSpecialTokens added) {
        this.hf = hf;
        this.vocab = vocab;
        this.specials = specials;
        this.added = added;
    }

    /**
     * Loads {@code <folder>/tokenizer.json} (or the given .json file). A GPT-2 style folder with
     * only vocab.json and merges.txt is converted in memory. Special ids come from the folder's
     * config files (see {@link TextTokenizer}).
     *
     * @throws NoSuchFileException naming the missing tokenizer.json when neither form is there
     */
    public static HfTokenizer load(Path folderOrFile) throws IOException {
        Path folder = Files.isDirectory(folderOrFile) ? folderOrFile : folderOrFile.toAbsolutePath().getParent();
        Path file = Files.isDirectory(folderOrFile) ? folderOrFile.resolve(TOKENIZER_JSON) : folderOrFile;
        byte[] json;
        if (Files.isRegularFile(file)) {
            json = Files.readAllBytes(file);
        } else if (Files.isDirectory(folderOrFile) && Gpt2VocabFiles.present(folder)) {
            LOG.info("{} has no {}; building it from vocab.json and merges.txt (GPT-2 byte-level BPE)",
                    folder, TOKENIZER_JSON);
            json = TokenizerJson.pretty(Gpt2VocabFiles.toTokenizerJson(folder));
        } else {
            throw new NoSuchFileException(file.toString(), null, missingReason(folder));
        }
        return fromJson(json, folder);
    }

    /**
     * A tokenizer from tokenizer.json bytes (e.g. a classpath resource). Special ids come from the
     * config files in {@code metadataFolder}, or, when it is null, from well-known added tokens only.
     */
    public static HfTokenizer fromJson(byte[] json, Path metadataFolder) throws IOException {
        JsonNode root = TokenizerJson.JSON.readTree(json);
        Vocabulary vocab = Vocabulary.fromTokenizerJson(root);
        SpecialTokenIds specials = SpecialTokenIds.read(metadataFolder, vocab);
        AddedSpecialTokens added = AddedSpecialTokens.read(metadataFolder, vocab);
        DjlOffline.ensure();
        HuggingFaceTokenizer hf;
        try {
            hf = HuggingFaceTokenizer.newInstance(new ByteArrayInputStream(json), OPTIONS);
        } catch (RuntimeException e) {
            throw new IOException("the tokenizers library rejected the tokenizer.json"
                    + (metadataFolder == null ? "" : " in " + metadataFolder) + ": " + e.getMessage(), e);
        }
        return new HfTokenizer(hf, vocab, specials, added);
    }

    private static String missingReason(Path folder) {
        if (Files.isRegularFile(folder.resolve(Gpt2VocabFiles.VOCAB))) {
            return "no tokenizer.json, and vocab.json without merges.txt is not a byte-level BPE this app can read";
        }
        if (Files.isRegularFile(folder.resolve("tokenizer.model"))) {
            return "no tokenizer.json; this folder has a SentencePiece tokenizer.model: save the tokenizer with"
                    + " transformers (AutoTokenizer.from_pretrained(...).save_pretrained(...)) to get tokenizer.json";
        }
        return "no tokenizer.json (nor vocab.json + merges.txt) in " + folder;
    }

    @Override
    public int[] encode(String text) {
        return ints(hf.encode(text, false, false).getIds());
    }

    @Override
    public int[] encodeWithSpecialTokens(String text) {
        if (added.overridesPostProcessor()) {
            return added.around(encode(text));
        }
        return ints(hf.encode(text, true, false).getIds());
    }

    private static int[] ints(long[] ids) {
        int[] out = new int[ids.length];
        for (int i = 0; i < ids.length; i++) {
            out[i] = Math.toIntExact(ids[i]);
        }
        return out;
    }

    @Override
    public String decode(int[] ids, boolean skipSpecialTokens) {
        // Ids past the tokenizer but inside the model's embedding (Qwen pads 151665 tokens to 151936
        // rows) decode to nothing, as the tokenizers library does; negative ids are a caller's bug.
        long[] longs = java.util.Arrays.stream(ids).filter(id -> id < vocab.size()).asLongStream().toArray();
        for (long id : longs) {
            if (id < 0) {
                throw new IllegalArgumentException("token id " + id + " is negative");
            }
        }
        return hf.decode(longs, skipSpecialTokens);
    }

    @Override
    public String token(int id) {
        return vocab.token(id);
    }

    @Override
    public OptionalInt id(String token) {
        return vocab.id(token);
    }

    @Override
    public int vocabSize() {
        return vocab.size();
    }

    @Override
    public boolean isSpecial(int id) {
        return vocab.isSpecial(id);
    }

    @Override
    public int[] eosIds() {
        return specials.eosIds();
    }

    @Override
    public OptionalInt bosId() {
        return specials.bosId();
    }

    @Override
    public OptionalInt padId() {
        return specials.padId();
    }

    @Override
    public void close() {
        hf.close();
    }
}

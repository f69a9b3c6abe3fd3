package org.rlhfworkbench.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.util.concurrent.Callable;
import org.rlhfworkbench.lm.tokenizer.TextTokenizer;
import org.rlhfworkbench.lm.tokenizer.Tokenizers;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** `rlhf tokenize --model DIR --text TEXT [--special] [--json]`: needs only the tokenizer files, not the weights. */
@Command(name = "tokenize", mixinStandardHelpOptions = true,
        description = "Show the token ids and vocabulary entries of a text (no special tokens added unless --special).")
final class TokenizeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ModelOptions model;

    @Option(names = "--text", required = true, paramLabel = "TEXT", description = "the text to tokenize")
    String text;

    @Option(names = "--special", description = "add the special tokens the tokenizer adds to a text, as transformers'"
            + " tokenizer(text) does (e.g. BOS for Llama)")
    boolean special;

    @Option(names = "--json", description = "print {\"ids\":[...],\"tokens\":[...],\"count\":n}")
    boolean json;

    @Override
    public Integer call() throws IOException {
        if (!Files.isDirectory(model.folder)) {
            throw new IOException("model folder not found: " + model.folder);
        }
        PrintWriter out = spec.commandLine().getOut();
        try (TextTokenizer tok = Tokenizers.load(model.folder)) {
            int[] ids = special ? tok.encodeWithSpecialTokens(text) : tok.encode(text);
            if (json) {
                ObjectNode o = CliJson.object();
                o.set("ids", CliJson.ints(ids));
                ArrayNode tokens = o.putArray("tokens");
                for (int id : ids) {
                    tokens.add(tok.token(id));
                }
                o.put("count", ids.length);
                out.println(CliJson.write(o));
            } else {
                out.printf("%5s %8s  %-20s %s%n", "i", "id", "token", "text");
                for (int i = 0; i < ids.length; i++) {
                    out.printf("%5d %8d  %-20s %s%n", i, ids[i], tok.token(ids[i]),
                            CliJson.quoted(tok.tokenText(ids[i])));
                }
                out.printf("%d tokens%n", ids.length);
            }
        }
        return 0;
    }
}

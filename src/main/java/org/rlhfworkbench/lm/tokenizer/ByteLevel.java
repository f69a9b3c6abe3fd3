package org.rlhfworkbench.lm.tokenizer;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * GPT-2's byte-level alphabet and pre-tokenizer, as in Hugging Face's ByteLevel pre-tokenizer
 * with {@code add_prefix_space=false, use_regex=true}.
 *
 * <p>Every byte maps to one printable character: the 188 printable Latin-1 bytes map to
 * themselves, the other 68 to U+0100 upwards (so space is 'Ġ', newline 'Ċ'). Symbol id {@code i}
 * of the base alphabet is the i-th byte in GPT-2's order ({@code '!'} = 0 ... then the remapped
 * bytes), so the first 256 ids agree with GPT-2's vocabulary.
 */
public final class ByteLevel {
    /** GPT-2's split; {@code \s} is Unicode white space as in the Rust and Python originals. */
    public static final Pattern GPT2_SPLIT = Pattern.compile(
            "'s|'t|'re|'ve|'m|'ll|'d| ?\\p{L}+| ?\\p{N}+| ?[^\\s\\p{L}\\p{N}]+|\\s+(?!\\S)|\\s+",
            Pattern.UNICODE_CHARACTER_CLASS);

    private static final char[] BYTE_TO_CHAR = new char[256];
    private static final int[] ORDER = new int[256];
    private static final int[] BYTE_TO_SYMBOL = new int[256];

    static {
        int n = 0;
        boolean[] printable = new boolean[256];
        for (int b = 0; b < 256; b++) {
            printable[b] = (b >= '!' && b <= '~') || (b >= 0xA1 && b <= 0xAC) || (b >= 0xAE && b <= 0xFF);
            if (printable[b]) {
                BYTE_TO_CHAR[b] = (char) b;
                ORDER[n++] = b;
            }
        }
        int extra = 0;
        for (int b = 0; b < 256; b++) {
            if (!printable[b]) {
                BYTE_TO_CHAR[b] = (char) (256 + extra++);
                ORDER[n++] = b;
            }
        }
        for (int i = 0; i < 256; i++) {
            BYTE_TO_SYMBOL[ORDER[i]] = i;
        }
    }

    private ByteLevel() {
    }

    /** The character that stands for byte {@code b} (0..255). */
    public static char charOf(int b) {
        return BYTE_TO_CHAR[b & 0xFF];
    }

    /** The byte of base symbol {@code symbol} (0..255), in GPT-2's order. */
    public static int byteOfSymbol(int symbol) {
        return ORDER[symbol];
    }

    /** The base symbol id (0..255) of byte {@code b}. */
    public static int symbolOfByte(int b) {
        return BYTE_TO_SYMBOL[b & 0xFF];
    }

    /** The text's UTF-8 bytes, each written as its byte-level character. */
    public static String toByteChars(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        char[] out = new char[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            out[i] = BYTE_TO_CHAR[bytes[i] & 0xFF];
        }
        return new String(out);
    }

    /** GPT-2 pre-tokens of {@code text} (the original text, before byte mapping). */
    public static List<String> split(String text) {
        List<String> pieces = new ArrayList<>();
        Matcher m = GPT2_SPLIT.matcher(text);
        while (m.find()) {
            pieces.add(m.group());
        }
        return pieces;
    }
}

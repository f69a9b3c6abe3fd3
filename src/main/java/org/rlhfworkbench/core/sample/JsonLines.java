package org.rlhfworkbench.core.sample;

import java.util.Locale;

/** Just enough JSON to write flat string objects, one per line (core stays free of Jackson). */
final class JsonLines {
    private JsonLines() {
    }

    /** {"k1":"v1","k2":"v2"} from alternating keys and values, in the order given. */
    static String object(String... keysAndValues) {
        if (keysAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("keys and values must come in pairs");
        }
        StringBuilder sb = new StringBuilder("{");
        for (int i = 0; i < keysAndValues.length; i += 2) {
            sb.append(i == 0 ? "" : ",").append(string(keysAndValues[i])).append(':')
                    .append(string(keysAndValues[i + 1]));
        }
        return sb.append('}').toString();
    }

    /** A JSON string literal: quotes, backslashes and control characters escaped, the rest as is. */
    static String string(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case '\b' -> sb.append("\\b");
                case '\f' -> sb.append("\\f");
                default -> {
                    if (c < 0x20 || c == '\u2028' || c == '\u2029') {
                        sb.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }
}

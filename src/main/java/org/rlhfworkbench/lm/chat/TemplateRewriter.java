package org.rlhfworkbench.lm.chat;

import java.util.ArrayList;
import java.util.List;

/**
 * The few Python-Jinja2 spellings that jinjava's expression parser rejects, rewritten into
 * equivalents it accepts, inside {@code {{ }}} and {@code {% %}} only:
 * <ul>
 *   <li>{@code x[::-1]} (reverse slice) becomes {@code x|reverse} (Qwen3's scan for the last user turn);</li>
 *   <li>{@code x[:]} (copy slice) becomes {@code x|list};</li>
 *   <li>{@code not a == b}, {@code not x is defined} become {@code not (a == b)}, {@code not (x is defined)}:
 *       in Python {@code not} binds looser than comparisons and tests, in jinjava tighter;</li>
 *   <li>{@code namespace(a=expr, ...)}: each value is parenthesised, since jinjava binds
 *       {@code a=messages|length - 1} as {@code (a=messages|length) - 1}.</li>
 * </ul>
 * Quoted strings are left alone.
 */
final class TemplateRewriter {
    private static final java.util.Set<String> BEFORE_UNARY = java.util.Set.of("and", "or", "not", "if", "elif", "else",
            "in", "return");
    private static final java.util.Set<String> ENDS_NOT = java.util.Set.of("and", "or", "if", "else");
    private TemplateRewriter() {
    }

    static String rewrite(String template) {
        StringBuilder out = new StringBuilder(template.length() + 64);
        int i = 0;
        while (i < template.length()) {
            int open = nextOpen(template, i);
            if (open < 0) {
                out.append(template, i, template.length());
                break;
            }
            String close = template.charAt(open + 1) == '{' ? "}}" : "%}";
            int end = closing(template, open + 2, close);
            if (end < 0) {
                out.append(template, i, template.length());
                break;
            }
            out.append(template, i, open + 2).append(expression(template.substring(open + 2, end)));
            i = end;
        }
        return out.toString();
    }

    private static int nextOpen(String s, int from) {
        int a = s.indexOf("{{", from);
        int b = s.indexOf("{%", from);
        return a < 0 ? b : b < 0 ? a : Math.min(a, b);
    }

    /** Index of {@code close} after {@code from}, skipping quoted strings; -1 if none. */
    private static int closing(String s, int from, String close) {
        char quote = 0;
        for (int i = from; i < s.length(); i++) {
            char c = s.charAt(i);
            if (quote != 0) {
                if (c == '\\') {
                    i++;
                } else if (c == quote) {
                    quote = 0;
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (s.startsWith(close, i)) {
                return i;
            }
        }
        return -1;
    }

    /** Rewrites one tag body; quoted parts are copied as they are. */
    static String expression(String body) {
        StringBuilder out = new StringBuilder(body.length() + 16);
        int i = 0;
        while (i < body.length()) {
            char c = body.charAt(i);
            if (c == '\'' || c == '"') {
                int end = endOfString(body, i);
                out.append(body, i, end);
                i = end;
            } else if (word(body, i, "not") && unary(body, i)) {
                int end = endOfNot(body, i + 3);
                String operand = body.substring(i + 3, end);
                String trailing = operand.substring(operand.stripTrailing().length());
                out.append("not (").append(expression(operand.strip())).append(')').append(trailing);
                i = end;
            } else if (body.startsWith("[::-1]", i)) {
                out.append("|reverse");
                i += 6;
            } else if (body.startsWith("[:]", i)) {
                out.append("|list");
                i += 3;
            } else if (body.startsWith("namespace(", i) && (i == 0 || !isIdent(body.charAt(i - 1)))) {
                int close = matchingParen(body, i + 9);
                if (close < 0) {
                    out.append(body.substring(i));
                    break;
                }
                out.append("namespace(").append(namedArgs(body.substring(i + 10, close))).append(')');
                i = close + 1;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    private static String namedArgs(String args) {
        List<String> parts = splitTopLevel(args);
        List<String> out = new ArrayList<>();
        for (String part : parts) {
            int eq = part.indexOf('=');
            boolean named = eq > 0 && part.substring(0, eq).strip().matches("[A-Za-z_][A-Za-z0-9_]*")
                    && (eq + 1 >= part.length() || part.charAt(eq + 1) != '=');
            out.add(named ? part.substring(0, eq + 1) + "(" + expression(part.substring(eq + 1)).strip() + ")"
                    : expression(part));
        }
        return String.join(", ", out);
    }

    private static List<String> splitTopLevel(String s) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\'' || c == '"') {
                i = endOfString(s, i) - 1;
            } else if (c == '(' || c == '[' || c == '{') {
                depth++;
            } else if (c == ')' || c == ']' || c == '}') {
                depth--;
            } else if (c == ',' && depth == 0) {
                parts.add(s.substring(start, i));
                start = i + 1;
            }
        }
        if (!s.substring(start).isBlank()) {
            parts.add(s.substring(start));
        }
        return parts;
    }

    private static int matchingParen(String s, int open) {
        int depth = 0;
        for (int i = open; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\'' || c == '"') {
                i = endOfString(s, i) - 1;
            } else if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    /** Index just past the string literal starting at {@code start}. */
    private static int endOfString(String s, int start) {
        char quote = s.charAt(start);
        for (int i = start + 1; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == quote) {
                return i + 1;
            }
        }
        return s.length();
    }

    /** Whether the keyword {@code w} stands at {@code i} as a whole word. */
    private static boolean word(String s, int i, String w) {
        return s.startsWith(w, i) && (i == 0 || !isIdent(s.charAt(i - 1)))
                && (i + w.length() == s.length() || !isIdent(s.charAt(i + w.length())));
    }

    /** A unary {@code not} (not the second half of {@code is not}, nor the first of {@code a not in b}). */
    private static boolean unary(String s, int i) {
        int j = i - 1;
        while (j >= 0 && Character.isWhitespace(s.charAt(j))) {
            j--;
        }
        if (j < 0 || "(,[{=:".indexOf(s.charAt(j)) >= 0) {
            return true;
        }
        int k = j;
        while (k >= 0 && isIdent(s.charAt(k))) {
            k--;
        }
        String prev = s.substring(k + 1, j + 1);
        return BEFORE_UNARY.contains(prev) && !"is".equals(prev);
    }

    /** Where the operand of a unary not ends: at a top-level and / or / if / else, a comma or a closing bracket. */
    private static int endOfNot(String s, int from) {
        int depth = 0;
        for (int i = from; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\'' || c == '"') {
                i = endOfString(s, i) - 1;
            } else if (c == '(' || c == '[' || c == '{') {
                depth++;
            } else if (c == ')' || c == ']' || c == '}') {
                if (--depth < 0) {
                    return i;
                }
            } else if (depth == 0 && c == ',') {
                return i;
            } else if (depth == 0 && isIdent(c) && (i == 0 || !isIdent(s.charAt(i - 1)))) {
                for (String w : ENDS_NOT) {
                    if (word(s, i, w)) {
                        return i;
                    }
                }
            }
        }
        return s.length();
    }

    private static boolean isIdent(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '.';
    }
}

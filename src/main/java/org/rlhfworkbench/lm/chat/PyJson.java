package org.rlhfworkbench.lm.chat;

import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.lib.filter.Filter;
import java.util.Map;

/**
 * The {@code tojson} filter as transformers defines it for chat templates: Python's
 * {@code json.dumps(x, ensure_ascii=False, indent=indent)}, so ", " and ": " separate items
 * (", "-less lines when indented) and keys keep their order.
 */
final class PyJson implements Filter {
    @Override
    public String getName() {
        return "tojson";
    }

    @Override
    public Object filter(Object var, JinjavaInterpreter interpreter, String... args) {
        return dumps(var, args.length > 0 ? Integer.parseInt(args[0]) : -1);
    }

    @Override
    public Object filter(Object var, JinjavaInterpreter interpreter, Object[] args, Map<String, Object> kwargs) {
        Object indent = kwargs.getOrDefault("indent", args.length > 0 ? args[0] : null);
        return dumps(var, indent == null ? -1 : ((Number) indent).intValue());
    }

    /** Jinja2's {@code trim}: Python's str.strip(), white space only (Java's trim also drops control characters). */
    static final class Trim implements Filter {
        @Override
        public String getName() {
            return "trim";
        }

        @Override
        public Object filter(Object var, JinjavaInterpreter interpreter, String... args) {
            String s = var == null ? "" : var.toString();
            String chars = args.length > 0 ? args[0] : null;
            return PyStringMethods.rstrip(PyStringMethods.lstrip(s, chars), chars);
        }
    }

    static String dumps(Object value, int indent) {
        StringBuilder sb = new StringBuilder();
        write(sb, value, indent, 0);
        return sb.toString();
    }

    private static void write(StringBuilder sb, Object v, int indent, int depth) {
        if (v == null) {
            sb.append("null");
        } else if (v instanceof Boolean || v instanceof Number) {
            sb.append(v);
        } else if (v instanceof Map<?, ?> map) {
            container(sb, '{', '}', map.entrySet(), indent, depth, (e, d) -> {
                string(sb, String.valueOf(e.getKey()));
                sb.append(": ");
                write(sb, e.getValue(), indent, d);
            });
        } else if (v instanceof Iterable<?> list) {
            container(sb, '[', ']', list, indent, depth, (e, d) -> write(sb, e, indent, d));
        } else {
            string(sb, v.toString());
        }
    }

    private static <T> void container(StringBuilder sb, char open, char close, Iterable<T> items, int indent, int depth,
                                      java.util.function.BiConsumer<T, Integer> item) {
        sb.append(open);
        boolean first = true;
        for (T t : items) {
            sb.append(first ? "" : indent >= 0 ? "," : ", ");
            if (indent >= 0) {
                sb.append('\n').append(" ".repeat(indent * (depth + 1)));
            }
            item.accept(t, depth + 1);
            first = false;
        }
        if (indent >= 0 && !first) {
            sb.append('\n').append(" ".repeat(indent * depth));
        }
        sb.append(close);
    }

    private static void string(StringBuilder sb, String s) {
        sb.append('"');
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
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }
}

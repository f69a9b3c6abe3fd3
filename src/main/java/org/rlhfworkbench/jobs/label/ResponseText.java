package org.rlhfworkbench.jobs.label;

/**
 * Turns the decoded continuation of a prompt into the response shown and stored, as it streams:
 * one leading space is dropped, the text ends where the model starts a new turn ("\nUser:", or
 * "\nHuman:" in HH dialogues), and trailing whitespace is dropped. Text that might still turn
 * out to be the start of a new turn, or trailing whitespace, is held back until the next piece
 * decides it, so what was streamed is always a prefix of the stored text. Not thread-safe.
 */
public final class ResponseText {
    static final String[] TURN_MARKERS = {"\nUser:", "\nHuman:"};

    private final StringBuilder raw = new StringBuilder();
    private int emitted;
    private boolean ended;

    /** The stored response for a complete continuation (what streaming ends with). */
    public static String clean(String continuation) {
        ResponseText t = new ResponseText();
        t.push(continuation);
        return t.finish();
    }

    /** Adds decoded text; returns the text newly safe to show (may be ""). Ignored once ended. */
    public String push(String piece) {
        if (ended || piece.isEmpty()) {
            return "";
        }
        raw.append(piece);
        String visible = visible();
        int cut = firstMarker(visible);
        if (cut >= 0) {
            ended = true;
            return emitUpTo(visible, stripEnd(visible, cut));
        }
        return emitUpTo(visible, stripEnd(visible, holdBackFrom(visible)));
    }

    /** True once a new turn started: the rest of the continuation is not part of the response. */
    public boolean ended() {
        return ended;
    }

    /** Length of the text pushed so far, less the dropped leading space (before any cut). */
    public int visibleLength() {
        return raw.length() > 0 && raw.charAt(0) == ' ' ? raw.length() - 1 : raw.length();
    }

    /** Ends the response; returns its final text (trailing whitespace removed). */
    public String finish() {
        ended = true;
        String visible = visible();
        int cut = firstMarker(visible);
        return visible.substring(0, stripEnd(visible, cut >= 0 ? cut : visible.length()));
    }

    /** What {@link #finish()} adds beyond the pushed text, as one last delta. */
    public String rest() {
        String all = finish();
        return all.length() > emitted ? all.substring(emitted) : "";
    }

    private String visible() {
        return raw.length() > 0 && raw.charAt(0) == ' ' ? raw.substring(1) : raw.toString();
    }

    private String emitUpTo(String visible, int end) {
        if (end <= emitted) {
            return "";
        }
        String out = visible.substring(emitted, end);
        emitted = end;
        return out;
    }

    private static int firstMarker(String s) {
        int best = -1;
        for (String m : TURN_MARKERS) {
            int i = s.indexOf(m);
            if (i >= 0 && (best < 0 || i < best)) {
                best = i;
            }
        }
        return best;
    }

    /** Start of a trailing piece that could still grow into a turn marker, else the length. */
    private static int holdBackFrom(String s) {
        int nl = s.lastIndexOf('\n');
        if (nl < 0) {
            return s.length();
        }
        String tail = s.substring(nl);
        for (String m : TURN_MARKERS) {
            if (m.startsWith(tail)) {
                return nl;
            }
        }
        return s.length();
    }

    private static int stripEnd(String s, int end) {
        int e = end;
        while (e > 0 && Character.isWhitespace(s.charAt(e - 1))) {
            e--;
        }
        return e;
    }
}

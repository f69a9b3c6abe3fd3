package org.rlhfworkbench.lm.chat;

import java.time.Clock;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The global functions transformers gives chat templates: {@code raise_exception(msg)} and
 * {@code strftime_now(fmt)}. jinjava calls static methods, so the render in progress (always on
 * the calling thread) keeps its clock and any raised message in thread-locals.
 */
final class TemplateFunctions {
    private static final ThreadLocal<Clock> CLOCK = ThreadLocal.withInitial(Clock::systemDefaultZone);
    private static final ThreadLocal<String> RAISED = new ThreadLocal<>();

    private TemplateFunctions() {
    }

    /** Called by the template: stops the render with the template's own message. */
    public static String raiseException(Object message) {
        RAISED.set(String.valueOf(message));
        throw new IllegalStateException("raise_exception: " + message);
    }

    /** Called by the template: the current local time formatted with Python's strftime directives. */
    public static String strftimeNow(String format) {
        return strftime(ZonedDateTime.now(CLOCK.get()), format);
    }

    static void begin(Clock clock) {
        CLOCK.set(clock);
        RAISED.remove();
    }

    /** The message of a raise_exception call during the last render on this thread, or null. */
    static String raised() {
        String m = RAISED.get();
        RAISED.remove();
        CLOCK.remove();
        return m;
    }

    /** Python's strftime for the directives chat templates use (%d %b %B %Y %y %m %H %M %S %A %a %j %p %%). */
    static String strftime(ZonedDateTime t, String format) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < format.length(); i++) {
            char c = format.charAt(i);
            if (c != '%' || i + 1 == format.length()) {
                sb.append(c);
                continue;
            }
            char d = format.charAt(++i);
            String pattern = switch (d) {
                case 'd' -> "dd";
                case 'b' -> "MMM";
                case 'B' -> "MMMM";
                case 'Y' -> "yyyy";
                case 'y' -> "yy";
                case 'm' -> "MM";
                case 'H' -> "HH";
                case 'I' -> "hh";
                case 'M' -> "mm";
                case 'S' -> "ss";
                case 'A' -> "EEEE";
                case 'a' -> "EEE";
                case 'j' -> "DDD";
                case 'p' -> "a";
                default -> null;
            };
            if (d == '%') {
                sb.append('%');
            } else if (pattern == null) {
                sb.append('%').append(d);
            } else {
                sb.append(DateTimeFormatter.ofPattern(pattern, Locale.ENGLISH).format(t));
            }
        }
        return sb.toString();
    }
}

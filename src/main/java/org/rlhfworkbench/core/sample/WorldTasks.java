package org.rlhfworkbench.core.sample;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/** Days of the week, capitals, greetings and thanks. */
final class WorldTasks {
    private static final List<String> GREETINGS = List.of("Hello!", "Hi there!", "Hey!", "Good morning!",
            "Good evening!", "Greetings!", "Hello, how are you?", "Hi! Is anyone there?",
            "Hey there, how is it going?");
    private static final List<String> THANKS = List.of("Thank you!", "Thanks!", "Thanks for your help.",
            "Thank you so much!", "Thanks a lot for the answer.", "I appreciate your help.",
            "Thank you, that was useful.", "Many thanks!");
    private static final List<String> FAREWELLS = List.of("Goodbye.", "Bye for now.");

    private WorldTasks() {
    }

    static Task weekday(Random rng) {
        int i = rng.nextInt(7);
        boolean after = rng.nextBoolean();
        String day = SampleTables.DAYS.get(i);
        String right = SampleTables.DAYS.get((i + (after ? 1 : 6)) % 7);
        // after: two days on, or the day before; before: two days back, or the day after
        int slip = after ? (rng.nextBoolean() ? 2 : 6) : (rng.nextBoolean() ? 5 : 1);
        String wrong = SampleTables.DAYS.get((i + slip) % 7);
        String text = after
                ? Phrases.pick(rng, List.of("What day comes after %s?", "What is the day after %s?",
                        "Which day of the week follows %s?", "If today is %s, what day is tomorrow?"))
                : Phrases.pick(rng, List.of("What day comes before %s?", "What is the day before %s?",
                        "If today is %s, what day was yesterday?"));
        String lead = "The day " + (after ? "after " : "before ") + day + " is ";
        List<String> others = new ArrayList<>();
        for (String d : SampleTables.DAYS) {
            if (!d.equals(day) && !d.equals(right)) {
                others.add(lower(d));
            }
        }
        return new Task(TaskFamily.WEEKDAY, String.format(Locale.ROOT, text, day), lead + right + ".", right + ".",
                lead + wrong + ".", "The days of the week always follow each other in the same fixed order.",
                List.of(lower(right)), others);
    }

    static Task capital(Random rng) {
        List<String> row = Phrases.pick(rng, SampleTables.CAPITALS);
        String country = row.get(0);
        String city = row.get(1);
        List<String> others = new ArrayList<>();
        for (List<String> r : SampleTables.CAPITALS) {
            for (String c : r.subList(1, r.size())) {
                if (!c.equals(city)) {
                    others.add(lower(c));
                }
            }
        }
        String wrong = row.size() > 2 && rng.nextBoolean() ? row.get(2) : otherCapital(rng, city);
        String text = Phrases.pick(rng, List.of("What is the capital of %s?", "Which city is the capital of %s?",
                "Name the capital city of %s.", "What is %s's capital?"));
        return new Task(TaskFamily.CAPITAL, String.format(Locale.ROOT, text, country),
                "The capital of " + country + " is " + city + ".", city + ".",
                "The capital of " + country + " is " + wrong + ".",
                "The capital is the city where a country's government has its main offices.",
                List.of(lower(city)), others);
    }

    static Task greeting(Random rng) {
        String text = Phrases.pick(rng, GREETINGS);
        String reply = text.contains("how") ? "Hello! I am doing well, thank you for asking. How can I help you today?"
                : Phrases.pick(rng, List.of("Hello! How can I help you today?",
                        "Hi there! What can I do for you today?", "Hello! Nice to meet you. How can I help?"));
        return new Task(TaskFamily.GREETING, text, reply, Phrases.pick(rng, List.of("Hi.", "Hey.")),
                Phrases.pick(rng, FAREWELLS), "It is always nice to start a conversation on a friendly note.",
                List.of("hello", "hi", "hey"), List.of("goodbye", "bye"));
    }

    static Task thanks(Random rng) {
        String text = Phrases.pick(rng, THANKS);
        String reply = Phrases.pick(rng, List.of("You're welcome! I'm glad I could help.",
                "My pleasure! Let me know if you need anything else.", "You're welcome! Happy to help any time."));
        return new Task(TaskFamily.THANKS, text, reply, "No problem.", Phrases.pick(rng, FAREWELLS),
                "Helping people with their questions is something I really enjoy.",
                List.of("welcome", "pleasure", "no problem", "glad"), List.of("goodbye", "bye"));
    }

    private static String otherCapital(Random rng, String city) {
        String c;
        do {
            c = Phrases.pick(rng, SampleTables.CAPITALS).get(1);
        } while (c.equals(city));
        return c;
    }

    private static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}

package org.rlhfworkbench.core.sample;

import java.util.List;

/** The small embedded tables the word and world tasks draw from. */
final class SampleTables {
    /** Words to count letters in. */
    static final List<String> COUNT_WORDS = List.of(
            "strawberry", "banana", "garden", "window", "pencil", "rabbit", "orange", "mountain", "computer",
            "elephant", "teacher", "yellow", "kitchen", "bottle", "planet", "river", "summer", "winter", "button",
            "letter", "apple", "cherry", "balloon", "coffee", "butterfly", "tomato", "guitar", "island",
            "puzzle", "rocket", "turtle", "violin", "pizza", "library", "umbrella", "cookie");

    /** Words to spell backwards (no palindromes). */
    static final List<String> REVERSE_WORDS = List.of(
            "lamp", "garden", "house", "river", "cloud", "stone", "apple", "table", "chair", "water", "plant",
            "bread", "music", "light", "smile", "dream", "green", "tiger", "horse", "train", "candle", "forest",
            "pencil", "rocket", "winter", "bottle", "flower", "monkey", "dog", "cat");

    /** word, plural, then wrong plurals people produce. */
    static final List<List<String>> PLURALS = List.of(
            List.of("child", "children", "childs", "childrens"), List.of("mouse", "mice", "mouses", "mices"),
            List.of("tooth", "teeth", "tooths"), List.of("foot", "feet", "foots"),
            List.of("goose", "geese", "gooses"), List.of("man", "men", "mans"),
            List.of("woman", "women", "womans"), List.of("ox", "oxen", "oxes"),
            List.of("leaf", "leaves", "leafs"), List.of("knife", "knives", "knifes"),
            List.of("wolf", "wolves", "wolfs"), List.of("half", "halves", "halfs"),
            List.of("box", "boxes", "boxs"), List.of("fox", "foxes", "foxs"), List.of("bus", "buses", "buss"),
            List.of("dish", "dishes", "dishs"), List.of("glass", "glasses", "glasss"),
            List.of("city", "cities", "citys"), List.of("baby", "babies", "babys"),
            List.of("party", "parties", "partys"), List.of("story", "stories", "storys"),
            List.of("potato", "potatoes", "potatos"), List.of("hero", "heroes", "heros"),
            List.of("day", "days", "daies"), List.of("toy", "toys", "toies"), List.of("key", "keys", "keies"),
            List.of("church", "churches", "churchs"), List.of("watch", "watches", "watchs"));

    /** country, capital, and optionally the city people wrongly name instead. */
    static final List<List<String>> CAPITALS = List.of(
            List.of("France", "Paris"), List.of("Germany", "Berlin"), List.of("Italy", "Rome"),
            List.of("Spain", "Madrid"), List.of("Portugal", "Lisbon"), List.of("Japan", "Tokyo", "Kyoto"),
            List.of("China", "Beijing", "Shanghai"), List.of("India", "New Delhi", "Mumbai"),
            List.of("Egypt", "Cairo"), List.of("Kenya", "Nairobi"), List.of("Canada", "Ottawa", "Toronto"),
            List.of("Australia", "Canberra", "Sydney"), List.of("Turkey", "Ankara", "Istanbul"),
            List.of("Switzerland", "Bern", "Zurich"), List.of("Nigeria", "Abuja", "Lagos"),
            List.of("Morocco", "Rabat", "Casablanca"), List.of("Norway", "Oslo"), List.of("Greece", "Athens"),
            List.of("Poland", "Warsaw"), List.of("Peru", "Lima"), List.of("Argentina", "Buenos Aires"),
            List.of("Austria", "Vienna"), List.of("Ireland", "Dublin"), List.of("Thailand", "Bangkok"));

    static final List<String> DAYS = List.of(
            "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday");

    private SampleTables() {
    }
}

package org.rlhfworkbench.ui.label;

import java.util.List;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.rlhfworkbench.jobs.BackgroundExecutor;
import org.rlhfworkbench.jobs.label.GeneratorChoice;
import org.rlhfworkbench.jobs.label.GeneratorOptions;
import org.rlhfworkbench.jobs.label.GeneratorSettings;
import org.rlhfworkbench.jobs.label.LabelingService;
import org.rlhfworkbench.jobs.label.PromptFormat;

/**
 * The side panel's generator settings: which of the project's models generates the answers, K,
 * temperature, top-p, max new tokens and the prompt format, checked into one clear line; and
 * the line above the cards that says what generates. Applying stores them through the service;
 * they take effect from the next prompt. Holds no nodes.
 */
public final class GeneratorForm {
    static final String NONE = "no model generates answers yet";

    private final BackgroundExecutor executor;
    private final Consumer<String> message;
    private final BooleanSupplier cardsShown;
    private final ObservableList<GeneratorChoice> models = FXCollections.observableArrayList();
    private final ObjectProperty<GeneratorChoice> model = new SimpleObjectProperty<>(this, "model");
    private final StringProperty k = new SimpleStringProperty(this, "k", "");
    private final StringProperty temperature = new SimpleStringProperty(this, "temperature", "");
    private final StringProperty topP = new SimpleStringProperty(this, "topP", "");
    private final StringProperty maxNewTokens = new SimpleStringProperty(this, "maxNewTokens", "");
    private final ObjectProperty<String> format = new SimpleObjectProperty<>(this, "format", PromptFormat.PLAIN);
    private final StringProperty problem = new SimpleStringProperty(this, "problem", "");
    private final StringProperty line = new SimpleStringProperty(this, "line", NONE);
    private final StringProperty cardsLine = new SimpleStringProperty(this, "cardsLine", NONE);
    private final BooleanBinding chatOffered = Bindings.createBooleanBinding(
            () -> model.get() != null && model.get().chatTemplate(), model);
    private LabelingService service;
    private GeneratorOptions options = GeneratorOptions.none();
    private String shownLine;
    private int token;

    /** @param cardsShown whether a prompt's cards are on screen (they keep the answers of the settings before a change) */
    GeneratorForm(BackgroundExecutor executor, Consumer<String> message, BooleanSupplier cardsShown) {
        this.executor = executor;
        this.message = message;
        this.cardsShown = cardsShown;
        model.addListener((obs, old, now) -> {
            if (now != null && !now.chatTemplate() && PromptFormat.CHAT.equals(format.get())) {
                format.set(PromptFormat.PLAIN);
            }
        });
        for (var field : List.of(k, temperature, topP, maxNewTokens)) {
            field.addListener((obs, old, now) -> problem.set(""));
        }
        format.addListener((obs, old, now) -> problem.set(""));
        model.addListener((obs, old, now) -> problem.set(""));
    }

    /** The service of the open project (null: none); reads its generator. */
    void attach(LabelingService next) {
        service = next;
        shownLine = null;
        load(GeneratorOptions.none());
        refresh();
    }

    /** Reads the models and settings again (a model was added or trained, another tab changed them). */
    public void refresh() {
        LabelingService target = service;
        if (target == null) {
            return;
        }
        int mine = ++token;
        executor.submit("Reading the labeling generator", target::generator, read -> {
            if (mine == token && target == service) {
                load(read);
            }
        }, e -> message.accept("Cannot read the generator settings: " + e.getMessage()));
    }

    private void load(GeneratorOptions read) {
        GeneratorChoice keep = model.get();
        boolean edited = isEdited();
        options = read;
        models.setAll(read.models());
        GeneratorSettings s = read.current();
        if (edited && keep != null) {
            // keep what the labeler is typing; only the list of models changed under it
            model.set(read.models().stream().filter(m -> m.id() == keep.id()).findFirst().orElse(read.currentModel()));
        } else if (s != null) {
            model.set(read.currentModel());
            k.set(Integer.toString(s.k()));
            temperature.set(GeneratorSettings.number(s.temperature()));
            topP.set(GeneratorSettings.number(s.topP()));
            maxNewTokens.set(Integer.toString(s.maxNewTokens()));
            format.set(s.promptFormat());
        } else {
            model.set(null);
        }
        line.set(describe(read));
        problem.set("");
        updateCardsLine();
    }

    /** Whether the fields differ from the settings in force. */
    boolean isEdited() {
        GeneratorSettings s = options.current();
        if (s == null) {
            return false;
        }
        GeneratorSettings now = parse();
        return now == null || !now.equals(s);
    }

    /** "answers from sft-3 (gpt2, 124M) · K 4 · T 0.7 · top-p 1 · max 64 tokens · chat template". */
    static String describe(GeneratorOptions o) {
        GeneratorSettings s = o.current();
        if (s == null) {
            return NONE;
        }
        GeneratorChoice m = o.currentModel();
        return "answers from " + (m == null ? "model " + s.modelId() : m.label()) + " · " + s.summary();
    }

    /** The fields as settings, or null with {@link #problemProperty()} saying what is wrong. */
    GeneratorSettings parse() {
        String wrong = check();
        if (wrong != null) {
            return null;
        }
        return new GeneratorSettings(model.get().id(), Integer.parseInt(k.get().strip()),
                Float.parseFloat(temperature.get().strip()), Float.parseFloat(topP.get().strip()),
                Integer.parseInt(maxNewTokens.get().strip()), format.get());
    }

    /** The first problem of the fields as one line, or null. */
    String check() {
        if (model.get() == null) {
            return "Choose the model that generates the answers.";
        }
        Integer kValue = whole(k.get());
        Double t = decimal(temperature.get());
        Double p = decimal(topP.get());
        Integer max = whole(maxNewTokens.get());
        if (kValue == null) {
            return "K must be a whole number (was \"" + k.get() + "\").";
        }
        if (t == null) {
            return "Temperature must be a number such as 0.7 (was \"" + temperature.get() + "\").";
        }
        if (p == null) {
            return "Top-p must be a number such as 0.95 (was \"" + topP.get() + "\").";
        }
        if (max == null) {
            return "Max new tokens must be a whole number (was \"" + maxNewTokens.get() + "\").";
        }
        String wrong = GeneratorSettings.problem(kValue, t, p, max);
        if (wrong == null && PromptFormat.CHAT.equals(format.get()) && !model.get().chatTemplate()) {
            return model.get().name() + " has no chat template: choose the plain prompt format.";
        }
        return wrong;
    }

    private static Integer whole(String s) {
        try {
            return s == null ? null : Integer.valueOf(s.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Double decimal(String s) {
        try {
            double v = s == null ? Double.NaN : Double.parseDouble(s.strip());
            return Double.isFinite(v) ? v : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Checks the fields and stores them; the next prompt is generated with them. False when a field is wrong. */
    public boolean apply() {
        String wrong = check();
        problem.set(wrong == null ? "" : wrong);
        LabelingService target = service;
        if (wrong != null || target == null) {
            return false;
        }
        GeneratorSettings settings = parse();
        if (Objects.equals(settings, options.current())) {
            return true;
        }
        String before = line.get();
        executor.submit("Changing the labeling generator", () -> {
            target.setGenerator(settings);
            return target.generator();
        }, read -> {
            if (target == service) {
                if (shownLine == null && cardsShown.getAsBoolean()) {
                    shownLine = before;
                }
                load(read);
                message.accept("From the next prompt: " + line.get() + ".");
            }
        }, e -> problem.set(e.getMessage() == null ? e.toString() : e.getMessage()));
        return true;
    }

    /** A new prompt is on screen: its answers come from the settings in force. */
    void promptShown() {
        shownLine = null;
        updateCardsLine();
    }

    private void updateCardsLine() {
        cardsLine.set(shownLine == null || shownLine.equals(line.get()) ? line.get()
                : "next prompt: " + line.get() + " (these cards: " + shownLine.replaceFirst("^answers from ", "") + ")");
    }

    /** The line above the cards: what generates, and what made the cards on screen when that differs. */
    public ReadOnlyStringProperty cardsLineProperty() {
        return cardsLine;
    }

    public ObservableList<GeneratorChoice> models() {
        return models;
    }

    public ObjectProperty<GeneratorChoice> modelProperty() {
        return model;
    }

    public StringProperty kProperty() {
        return k;
    }

    public StringProperty temperatureProperty() {
        return temperature;
    }

    public StringProperty topPProperty() {
        return topP;
    }

    public StringProperty maxNewTokensProperty() {
        return maxNewTokens;
    }

    /** {@link PromptFormat#CHAT} or {@link PromptFormat#PLAIN}. */
    public ObjectProperty<String> formatProperty() {
        return format;
    }

    /** True when the chosen model has a chat template (only then is the chat format offered). */
    public BooleanBinding chatOfferedBinding() {
        return chatOffered;
    }

    /** Empty, or the one line that says which field is wrong. */
    public ReadOnlyStringProperty problemProperty() {
        return problem;
    }

    /** What generates the next prompt's answers. */
    public ReadOnlyStringProperty lineProperty() {
        return line;
    }
}

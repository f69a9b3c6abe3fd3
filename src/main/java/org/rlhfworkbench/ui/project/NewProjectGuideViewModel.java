package org.rlhfworkbench.ui.project;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.rlhfworkbench.formats.ImportFormat;
import org.rlhfworkbench.jobs.BackgroundExecutor;
import org.rlhfworkbench.jobs.NewProjectService;
import org.rlhfworkbench.jobs.NewProjectService.ModelCheck;
import org.rlhfworkbench.jobs.NewProjectService.ModelSource;
import org.rlhfworkbench.jobs.ProjectService;
import org.rlhfworkbench.jobs.label.LabelConfig;
import org.rlhfworkbench.jobs.label.PromptFormat;
import org.rlhfworkbench.ui.data.DataViewModel;

/**
 * The new-project guide's state: five steps (folder and name; base model; prompts and optional
 * demonstrations or preferences; prompt format; K and guidelines), each with a one-line reason
 * while it is incomplete, which keeps Next (and Create) disabled. Model folders are checked and
 * data files previewed on the background executor as they are chosen; Create makes the whole
 * project as one job and hands its folder to {@link #setOnCreated}. Holds no nodes.
 */
public final class NewProjectGuideViewModel {
    public static final List<String> STEPS = List.of("Folder and name", "Base model", "Data", "Prompt format", "Labeling");
    static final int LAST = STEPS.size() - 1;

    private final BackgroundExecutor executor;
    private final NewProjectService service = new NewProjectService();
    private final IntegerProperty step = new SimpleIntegerProperty(this, "step", 0);
    private final ObjectProperty<Path> parent = new SimpleObjectProperty<>(this, "parent");
    private final StringProperty name = new SimpleStringProperty(this, "name", "");
    private final ObjectProperty<ModelSource> modelSource = new SimpleObjectProperty<>(this, "modelSource", ModelSource.BUNDLED);
    private final ObjectProperty<Path> modelFolder = new SimpleObjectProperty<>(this, "modelFolder");
    private final ObjectProperty<ModelCheck> modelCheck = new SimpleObjectProperty<>(this, "modelCheck");
    private final StringProperty modelStatus = new SimpleStringProperty(this, "modelStatus", "");
    private final BooleanProperty checking = new SimpleBooleanProperty(this, "checking");
    private final DataViewModel prompts;
    private final DataViewModel extra;
    private final StringProperty promptFormat = new SimpleStringProperty(this, "promptFormat", PromptFormat.PLAIN);
    private final StringProperty plainTemplate = new SimpleStringProperty(this, "plainTemplate",
            escape(PromptFormat.DEFAULT_TEMPLATE));
    private final IntegerProperty k = new SimpleIntegerProperty(this, "k", LabelConfig.DEFAULT_K);
    private final StringProperty guidelines = new SimpleStringProperty(this, "guidelines", LabelConfig.DEFAULT_GUIDELINES);
    private final BooleanProperty creating = new SimpleBooleanProperty(this, "creating");
    private final DoubleProperty progress = new SimpleDoubleProperty(this, "progress");
    private final StringProperty progressText = new SimpleStringProperty(this, "progressText", "");
    private final StringProperty error = new SimpleStringProperty(this, "error", "");
    private final BooleanBinding chatAvailable = Bindings.createBooleanBinding(
            () -> modelCheck.get() != null && modelCheck.get().chatTemplate(), modelCheck);
    private final StringBinding reason;
    private final BooleanBinding canNext;
    private final BooleanBinding canCreate;
    private volatile double worked;
    private volatile String working = "";
    private Consumer<Path> onCreated = dir -> { };
    private int checkGeneration;

    public NewProjectGuideViewModel(BackgroundExecutor executor, ProjectService projects) {
        this.executor = executor;
        this.prompts = new DataViewModel(executor, projects);
        this.extra = new DataViewModel(executor, projects);
        prompts.formatProperty().set(ImportFormat.PROMPTS);
        extra.formatProperty().set(ImportFormat.SFT);
        modelCheck.set(NewProjectService.bundledModel());
        modelSource.addListener((obs, old, now) -> checkModel());
        modelFolder.addListener((obs, old, now) -> checkModel());
        modelCheck.addListener((obs, old, now) -> promptFormat.set(now != null && now.chatTemplate()
                ? PromptFormat.CHAT : PromptFormat.PLAIN));
        reason = Bindings.createStringBinding(this::reasonNow, step, parent, name, modelSource, modelFolder, modelCheck,
                checking, modelStatus, prompts.fileProperty(), prompts.busyProperty(), prompts.goodProperty(),
                prompts.badCountProperty(), prompts.skipBadProperty(), extra.fileProperty(), extra.busyProperty(),
                extra.goodProperty(), extra.badCountProperty(), extra.skipBadProperty(), promptFormat, plainTemplate,
                k, creating);
        canNext = Bindings.createBooleanBinding(() -> step.get() < LAST && reason.get().isEmpty(), step, reason);
        canCreate = Bindings.createBooleanBinding(() -> step.get() == LAST && reason.get().isEmpty(), step, reason);
    }

    /** Empty when the current step is complete, else one line saying what is missing. */
    private String reasonNow() {
        if (creating.get()) {
            return "Creating the project…";
        }
        return switch (step.get()) {
            case 0 -> nullToEmpty(NewProjectService.folderProblem(parent.get(), name.get()));
            case 1 -> modelReason();
            case 2 -> dataReason(prompts, "prompts file", true) + dataReason(extra, "second file", false);
            case 3 -> formatReason();
            default -> k.get() < 2 || k.get() > 9 ? "K (answers per prompt) must be 2 to 9." : "";
        };
    }

    private String modelReason() {
        if (modelSource.get() != ModelSource.BUNDLED && modelFolder.get() == null) {
            return "Choose a Hugging Face model folder (config.json, model.safetensors, tokenizer.json).";
        }
        if (checking.get()) {
            return "Checking the model folder…";
        }
        return modelCheck.get() == null ? modelStatus.get() : "";
    }

    private static String dataReason(DataViewModel data, String what, boolean required) {
        if (data.fileProperty().get() == null) {
            return required ? "Choose a " + what + " (the prompts to label)." : "";
        }
        if (data.busyProperty().get()) {
            return "Reading the " + what + "…";
        }
        if (data.goodProperty().get() == 0) {
            String status = data.statusLineProperty().get();
            return "The " + what + " has no good lines" + (status.isEmpty() ? "." : ": " + status);
        }
        if (data.badCountProperty().get() > 0 && !data.skipBadProperty().get()) {
            return "The " + what + " has " + lines(data.badCountProperty().get(), "bad")
                    + ": tick \"Skip bad lines\" or fix the file.";
        }
        return "";
    }

    /** "1 bad line", "3 good lines". */
    static String lines(int n, String kind) {
        return n + " " + kind + (n == 1 ? " line" : " lines");
    }

    private String formatReason() {
        if (PromptFormat.CHAT.equals(promptFormat.get())) {
            return chatAvailable.get() ? "" : "The base model has no chat template: use the plain format.";
        }
        String t = plainTemplate.get();
        return t != null && t.contains(PromptFormat.PLACEHOLDER) ? ""
                : "The plain template must contain " + PromptFormat.PLACEHOLDER + " where the prompt goes.";
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    /** Checks the chosen folder as import-model does; the bundled model needs no check. */
    private void checkModel() {
        int mine = ++checkGeneration;
        Path folder = modelFolder.get();
        if (modelSource.get() == ModelSource.BUNDLED) {
            checking.set(false);
            modelStatus.set("");
            modelCheck.set(NewProjectService.bundledModel());
            return;
        }
        modelCheck.set(null);
        if (folder == null) {
            checking.set(false);
            modelStatus.set("");
            return;
        }
        checking.set(true);
        modelStatus.set("Checking " + folder.getFileName() + "…");
        executor.submit("Checking " + folder, () -> service.checkModel(folder), check -> {
            if (mine == checkGeneration) {
                checking.set(false);
                modelStatus.set("Loads: " + check.summary() + (check.chatTemplate() ? "" : " · no chat template"));
                modelCheck.set(check);
            }
        }, e -> {
            if (mine == checkGeneration) {
                checking.set(false);
                modelStatus.set(FailureText.of(e));
            }
        });
    }

    public void next() {
        if (canNext.get()) {
            step.set(step.get() + 1);
        }
    }

    public void back() {
        if (step.get() > 0 && !creating.get()) {
            step.set(step.get() - 1);
        }
    }

    /** Makes the project as one job; on success the folder goes to the created listener, on failure nothing is left. */
    public void create() {
        if (!canCreate.get()) {
            return;
        }
        NewProjectService.Plan plan = plan();
        creating.set(true);
        error.set("");
        worked = 0;
        working = "Starting";
        progress.set(0);
        executor.submit("Creating project " + plan.name(), () -> service.create(plan, (what, f) -> {
            working = what;
            worked = f;
        }), dir -> {
            creating.set(false);
            drainNow();
            onCreated.accept(dir);
        }, e -> {
            creating.set(false);
            progress.set(0);
            progressText.set("");
            error.set("Nothing was created: " + FailureText.of(e));
        });
    }

    NewProjectService.Plan plan() {
        NewProjectService.DataFile extraFile = extra.fileProperty().get() == null ? null
                : new NewProjectService.DataFile(extra.fileProperty().get(), extra.formatProperty().get(),
                extra.skipBadProperty().get());
        String typed = unescape(plainTemplate.get());
        String template = PromptFormat.DEFAULT_TEMPLATE.equals(typed) ? null : typed;
        return new NewProjectService.Plan(NewProjectService.projectDir(parent.get(), name.get()), name.get().strip(),
                modelSource.get(), modelFolder.get(),
                new NewProjectService.DataFile(prompts.fileProperty().get(), prompts.formatProperty().get(),
                        prompts.skipBadProperty().get()), extraFile, promptFormat.get(),
                PromptFormat.PLAIN.equals(promptFormat.get()) ? template : null, k.get(), guidelines.get());
    }

    /** The template as typed on one line: a new line is written \\n. */
    static String escape(String template) {
        return template.replace("\\", "\\\\").replace("\n", "\\n");
    }

    static String unescape(String typed) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < typed.length(); i++) {
            char c = typed.charAt(i);
            if (c == '\\' && i + 1 < typed.length() && (typed.charAt(i + 1) == 'n' || typed.charAt(i + 1) == '\\')) {
                out.append(typed.charAt(++i) == 'n' ? '\n' : '\\');
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** Moves the job's progress into {@link #progressProperty()}; call on each pulse. */
    public void drain() {
        prompts.drain();
        extra.drain();
        if (creating.get()) {
            drainNow();
        }
    }

    private void drainNow() {
        progress.set(worked);
        progressText.set(working);
    }

    /** Gets the folder of each project made (to open it); called on the UI thread. */
    public void setOnCreated(Consumer<Path> listener) {
        onCreated = listener;
    }

    /** "The project will be made in /parent/name", or empty while the folder is not usable. */
    public StringBinding targetBinding() {
        return Bindings.createStringBinding(() -> NewProjectService.folderProblem(parent.get(), name.get()) != null ? ""
                : "The project will be made in " + NewProjectService.projectDir(parent.get(), name.get()), parent, name);
    }

    public ReadOnlyIntegerProperty stepProperty() {
        return step;
    }

    public ObjectProperty<Path> parentProperty() {
        return parent;
    }

    public StringProperty nameProperty() {
        return name;
    }

    public ObjectProperty<ModelSource> modelSourceProperty() {
        return modelSource;
    }

    public ObjectProperty<Path> modelFolderProperty() {
        return modelFolder;
    }

    /** The checked model, null while unchecked or refused. */
    public ReadOnlyObjectProperty<ModelCheck> modelCheckProperty() {
        return modelCheck;
    }

    /** What the check found: "Loads: gpt2 · ..." or the loader's reason for refusing the folder. */
    public ReadOnlyStringProperty modelStatusProperty() {
        return modelStatus;
    }

    /** The prompts file's preview and options (the import dialog's view model). */
    public DataViewModel prompts() {
        return prompts;
    }

    /** The optional demonstrations or preferences file. */
    public DataViewModel extra() {
        return extra;
    }

    public StringProperty promptFormatProperty() {
        return promptFormat;
    }

    public StringProperty plainTemplateProperty() {
        return plainTemplate;
    }

    /** Whether chat format may be chosen: only when the base model has a chat template. */
    public BooleanBinding chatAvailableBinding() {
        return chatAvailable;
    }

    public IntegerProperty kProperty() {
        return k;
    }

    public StringProperty guidelinesProperty() {
        return guidelines;
    }

    /** Why Next (or Create) is disabled, empty when the step is complete. */
    public StringBinding reasonBinding() {
        return reason;
    }

    public BooleanBinding canNextBinding() {
        return canNext;
    }

    public BooleanBinding canCreateBinding() {
        return canCreate;
    }

    public ReadOnlyBooleanProperty creatingProperty() {
        return creating;
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return progress;
    }

    public ReadOnlyStringProperty progressTextProperty() {
        return progressText;
    }

    /** Why the last Create failed (nothing was left behind), empty otherwise. */
    public ReadOnlyStringProperty errorProperty() {
        return error;
    }
}

package org.rlhfworkbench.ui.project;

import java.io.File;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.RadioButton;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.rlhfworkbench.jobs.NewProjectService.ModelSource;
import org.rlhfworkbench.jobs.label.PromptFormat;
import org.rlhfworkbench.ui.charts.Pulse;

/**
 * The new-project guide: the steps on the left, the current step's form in the middle, and at
 * the bottom why Next is disabled, the progress of Create, and Back / Next / Create / Cancel.
 * Nodes only; {@link NewProjectGuideViewModel} holds the state and the rules.
 */
public final class NewProjectGuideView extends BorderPane {
    public static final double WIDTH = 900;
    public static final double HEIGHT = 640;

    private final NewProjectGuideViewModel vm;

    public NewProjectGuideView(NewProjectGuideViewModel vm, Runnable onCancel) {
        this.vm = vm;
        setId("newProjectGuide");
        getStyleClass().add("new-project-guide");
        setLeft(stepList());
        StackPane pages = new StackPane(page(0, folderPage()), page(1, modelPage()), page(2, dataPage()),
                page(3, formatPage()), page(4, labelingPage()));
        pages.setPadding(new Insets(16));
        setCenter(pages);
        setBottom(footer(onCancel));
        Pulse.whileShown(this, vm::drain);
    }

    public NewProjectGuideViewModel viewModel() {
        return vm;
    }

    /** Opens the guide in its own window; it closes when the project is made (or on Cancel). */
    public static Stage show(Window owner, NewProjectGuideViewModel vm) {
        Stage stage = new Stage();
        if (owner != null) {
            stage.initOwner(owner);
            stage.initModality(Modality.WINDOW_MODAL);
        }
        stage.setTitle("New project");
        Scene scene = new Scene(new NewProjectGuideView(vm, stage::close), WIDTH, HEIGHT);
        if (owner != null && owner.getScene() != null) {
            scene.getStylesheets().setAll(owner.getScene().getStylesheets());
        }
        stage.setScene(scene);
        // detached when closed, so its pulse timer (progress) stops with the window
        stage.setOnHidden(e -> scene.setRoot(new javafx.scene.layout.Pane()));
        stage.show();
        return stage;
    }

    private VBox stepList() {
        VBox steps = new VBox();
        steps.getStyleClass().add("guide-steps");
        for (int i = 0; i < NewProjectGuideViewModel.STEPS.size(); i++) {
            int index = i;
            Label l = new Label((i + 1) + ". " + NewProjectGuideViewModel.STEPS.get(i));
            l.setId("guideStep-" + i);
            vm.stepProperty().addListener((obs, old, now) -> mark(l, now.intValue() == index));
            mark(l, vm.stepProperty().get() == index);
            steps.getChildren().add(l);
        }
        return steps;
    }

    private static void mark(Label l, boolean current) {
        if (current) {
            l.getStyleClass().add("guide-step-current");
        } else {
            l.getStyleClass().remove("guide-step-current");
        }
    }

    private Node page(int index, VBox content) {
        Label title = new Label(NewProjectGuideViewModel.STEPS.get(index));
        title.getStyleClass().add("guide-step-title");
        content.getChildren().add(0, title);
        content.setSpacing(10);
        content.visibleProperty().bind(vm.stepProperty().isEqualTo(index));
        content.setId("guidePage-" + index);
        return content;
    }

    private VBox folderPage() {
        Label where = new Label();
        where.setId("guideParent");
        where.textProperty().bind(Bindings.createStringBinding(() -> vm.parentProperty().get() == null ? "no folder chosen"
                : vm.parentProperty().get().toString(), vm.parentProperty()));
        Button choose = new Button("Choose…");
        choose.setId("guideChooseParent");
        choose.setOnAction(e -> {
            DirectoryChooser chooser = new DirectoryChooser();
            chooser.setTitle("The folder the new project goes in");
            File dir = chooser.showDialog(getScene().getWindow());
            if (dir != null) {
                vm.parentProperty().set(dir.toPath());
            }
        });
        TextField name = new TextField();
        name.setId("guideName");
        name.setPromptText("my-project");
        name.textProperty().bindBidirectional(vm.nameProperty());
        Label target = new Label();
        target.setId("guideTarget");
        target.textProperty().bind(vm.targetBinding());
        GridPane form = form();
        form.addRow(0, new Label("In folder"), new HBox(8, choose, where));
        form.addRow(1, new Label("Name"), name);
        return new VBox(hint("A project is a folder: project.db (prompts, labels, runs), models/ and runs/."),
                form, target);
    }

    private VBox modelPage() {
        ToggleGroup group = new ToggleGroup();
        RadioButton bundled = radio(group, "guideModelBundled", "The bundled tiny model (a small GPT-2 made from the"
                + " generated sample corpus; runs anywhere, answers are rough)", ModelSource.BUNDLED);
        RadioButton link = radio(group, "guideModelLink", "A Hugging Face folder, linked in place (nothing copied)",
                ModelSource.LINK);
        RadioButton copy = radio(group, "guideModelCopy", "A Hugging Face folder, copied into the project", ModelSource.COPY);
        group.selectedToggleProperty().addListener((obs, old, t) -> {
            if (t != null) {
                vm.modelSourceProperty().set((ModelSource) t.getUserData());
            }
        });
        Button choose = new Button("Choose model folder…");
        choose.setId("guideChooseModel");
        choose.disableProperty().bind(vm.modelSourceProperty().isEqualTo(ModelSource.BUNDLED));
        choose.setOnAction(e -> {
            DirectoryChooser chooser = new DirectoryChooser();
            chooser.setTitle("A Hugging Face model folder (config.json, model.safetensors, tokenizer.json)");
            File dir = chooser.showDialog(getScene().getWindow());
            if (dir != null) {
                vm.modelFolderProperty().set(dir.toPath());
            }
        });
        Label folder = new Label();
        folder.setId("guideModelFolder");
        folder.textProperty().bind(Bindings.createStringBinding(() -> vm.modelFolderProperty().get() == null ? ""
                : vm.modelFolderProperty().get().toString(), vm.modelFolderProperty()));
        Label status = new Label();
        status.setId("guideModelStatus");
        status.setWrapText(true);
        status.textProperty().bind(Bindings.createStringBinding(() -> vm.modelSourceProperty().get() == ModelSource.BUNDLED
                ? "Bundled: " + vm.modelCheckProperty().get().summary() : vm.modelStatusProperty().get(),
                vm.modelSourceProperty(), vm.modelStatusProperty(), vm.modelCheckProperty()));
        return new VBox(hint("This model generates the answers you rank. A folder is checked the way import-model"
                + " checks it (it must load) before anything is written."), bundled, link, copy,
                new HBox(8, choose, folder), status);
    }

    private RadioButton radio(ToggleGroup group, String id, String text, ModelSource source) {
        RadioButton b = new RadioButton(text);
        b.setId(id);
        b.setToggleGroup(group);
        b.setUserData(source);
        b.setSelected(vm.modelSourceProperty().get() == source);
        b.setWrapText(true);
        return b;
    }

    private VBox dataPage() {
        ImportFilePane promptsPane = new ImportFilePane(vm.prompts(), "guidePrompts", "Prompts to label");
        ImportFilePane extraPane = new ImportFilePane(vm.extra(), "guideExtra",
                "Optional: demonstrations (SFT) or preferences (TRL, HH, OpenRLHF, RLHFlow)");
        VBox.setVgrow(promptsPane, Priority.ALWAYS);
        VBox.setVgrow(extraPane, Priority.ALWAYS);
        return new VBox(promptsPane, extraPane);
    }

    private VBox formatPage() {
        ToggleGroup group = new ToggleGroup();
        RadioButton chat = new RadioButton("Chat: the model's chat template");
        chat.setId("guideFormatChat");
        chat.setToggleGroup(group);
        chat.disableProperty().bind(vm.chatAvailableBinding().not());
        RadioButton plain = new RadioButton("Plain: the template below");
        plain.setId("guideFormatPlain");
        plain.setToggleGroup(group);
        Runnable sync = () -> group.selectToggle(PromptFormat.CHAT.equals(vm.promptFormatProperty().get()) ? chat : plain);
        sync.run();
        vm.promptFormatProperty().addListener((obs, old, now) -> sync.run());
        chat.setOnAction(e -> vm.promptFormatProperty().set(PromptFormat.CHAT));
        plain.setOnAction(e -> vm.promptFormatProperty().set(PromptFormat.PLAIN));
        TextField template = new TextField();
        template.setId("guideTemplate");
        template.textProperty().bindBidirectional(vm.plainTemplateProperty());
        template.disableProperty().bind(plain.selectedProperty().not());
        Label noChat = new Label("This base model has no chat template, so prompts use the plain format.");
        noChat.setId("guideNoChat");
        noChat.visibleProperty().bind(vm.chatAvailableBinding().not());
        return new VBox(hint("How a prompt becomes the text the model continues. \\n in the template is a new line."),
                chat, plain, template, noChat);
    }

    private VBox labelingPage() {
        Spinner<Integer> k = new Spinner<>(2, 9, vm.kProperty().get());
        k.setId("guideK");
        k.setEditable(true);
        k.valueProperty().addListener((obs, old, now) -> vm.kProperty().set(now));
        vm.kProperty().addListener((obs, old, now) -> k.getValueFactory().setValue(now.intValue()));
        TextArea guidelines = new TextArea();
        guidelines.setId("guideGuidelines");
        guidelines.setWrapText(true);
        guidelines.textProperty().bindBidirectional(vm.guidelinesProperty());
        VBox.setVgrow(guidelines, Priority.ALWAYS);
        GridPane form = form();
        form.addRow(0, new Label("Answers per prompt (K)"), k);
        return new VBox(form, new Label("Labeling guidelines (Markdown; shown beside the cards)"), guidelines);
    }

    private VBox footer(Runnable onCancel) {
        Label reason = new Label();
        reason.setId("guideReason");
        reason.getStyleClass().add("guide-reason");
        reason.textProperty().bind(vm.reasonBinding());
        Label error = new Label();
        error.setId("guideError");
        error.getStyleClass().add("guide-error");
        error.setWrapText(true);
        error.textProperty().bind(vm.errorProperty());
        error.visibleProperty().bind(vm.errorProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());
        ProgressBar bar = new ProgressBar();
        bar.setId("guideProgress");
        bar.progressProperty().bind(vm.progressProperty());
        Label step = new Label();
        step.textProperty().bind(vm.progressTextProperty());
        HBox progress = new HBox(8, bar, step);
        progress.visibleProperty().bind(vm.creatingProperty());
        Button back = new Button("Back");
        back.setId("guideBack");
        back.disableProperty().bind(vm.stepProperty().isEqualTo(0).or(vm.creatingProperty()));
        back.setOnAction(e -> vm.back());
        Button next = new Button("Next");
        next.setId("guideNext");
        next.setDefaultButton(true);
        next.disableProperty().bind(vm.canNextBinding().not());
        next.visibleProperty().bind(vm.stepProperty().lessThan(NewProjectGuideViewModel.LAST));
        next.managedProperty().bind(next.visibleProperty());
        next.setOnAction(e -> vm.next());
        Button create = new Button("Create project");
        create.setId("guideCreate");
        create.disableProperty().bind(vm.canCreateBinding().not());
        create.visibleProperty().bind(next.visibleProperty().not());
        create.managedProperty().bind(create.visibleProperty());
        create.setOnAction(e -> vm.create());
        Button cancel = new Button("Cancel");
        cancel.setId("guideCancel");
        cancel.setCancelButton(true);
        cancel.disableProperty().bind(vm.creatingProperty());
        cancel.setOnAction(e -> onCancel.run());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox buttons = new HBox(8, progress, gap, cancel, back, next, create);
        VBox footer = new VBox(6, reason, error, buttons);
        footer.setPadding(new Insets(10, 16, 14, 16));
        return footer;
    }

    private static GridPane form() {
        GridPane form = new GridPane();
        form.setHgap(10);
        form.setVgap(8);
        return form;
    }

    private static Label hint(String text) {
        Label l = new Label(text);
        l.setWrapText(true);
        return l;
    }
}

package org.rlhfworkbench.ui.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rlhfworkbench.ui.project.LabelingWindow.onFx;
import static org.rlhfworkbench.ui.project.LabelingWindow.read;
import static org.rlhfworkbench.ui.project.LabelingWindow.waitUntil;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.rlhfworkbench.ui.charts.ScreenShots;
import org.rlhfworkbench.ui.label.CardModel;
import org.rlhfworkbench.ui.label.Phase;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The new-project guide driven headless from File > New project to a Label tab ranking the first
 * prompt with K answers generating from the bundled tiny model; a Create that fails on the way
 * (the prompts file went bad after its preview) says why and leaves nothing behind.
 */
@ExtendWith(ApplicationExtension.class)
class NewProjectGuideFxTest {
    @TempDir
    Path tmp;
    private LabelingWindow window;

    @Start
    void start(Stage stage) {
        window = new LabelingWindow(stage, Path.of(System.getProperty("java.io.tmpdir"),
                "rlhf-guide-home-" + ProcessHandle.current().pid()));
    }

    @AfterEach
    void tearDown() throws Exception {
        window.close();
    }

    @Test
    void theGuideLeadsFromAFolderToALabelTabReadyToRank(FxRobot robot) throws Exception {
        Path parent = Files.createDirectories(tmp.resolve("projects"));
        Path prompts = tmp.resolve("my-prompts.jsonl");
        Files.write(prompts, List.of("{\"prompt\": \"What is the capital of France?\"}",
                "{\"prompt\": \"Name three primary colours.\"}"));
        Stage guideStage = onFx(() -> window.mainView().openNewProjectGuide());
        NewProjectGuideView guide = (NewProjectGuideView) guideStage.getScene().getRoot();
        NewProjectGuideViewModel vm = guide.viewModel();

        // 1. folder and name (the folder chooser is the one step a headless test sets directly)
        assertThat(text(guideStage, "guideReason")).startsWith("Choose the folder");
        assertThat(disabled(guideStage, "guideNext")).isTrue();
        onFx(() -> {
            vm.parentProperty().set(parent);
            return null;
        });
        robot.clickOn("#guideName").write("capitals");
        waitUntil(5, () -> read(() -> !((Button) guideStage.getScene().lookup("#guideNext")).isDisabled()));
        assertThat(text(guideStage, "guideTarget")).endsWith(parent.resolve("capitals").toString());
        robot.clickOn("#guideNext");

        // 2. base model: the bundled tiny one, chosen by default
        assertThat(onFx(() -> ((RadioButton) guideStage.getScene().lookup("#guideModelBundled")).isSelected())).isTrue();
        assertThat(text(guideStage, "guideModelStatus")).startsWith("Bundled: base (tiny GPT-2");
        robot.clickOn("#guideNext");

        // 3. data: the prompts file, previewed with its counts
        assertThat(text(guideStage, "guideReason")).startsWith("Choose a prompts file");
        onFx(() -> {
            vm.prompts().fileProperty().set(prompts);
            return null;
        });
        waitUntil(10, () -> read(() -> "2 good lines, 0 bad lines".equals(text(guideStage.getScene().lookup("#guidePromptsCounts")))));
        robot.clickOn("#guideNext");

        // 4. prompt format: the tiny model has no chat template, so only plain is offered
        assertThat(onFx(() -> guideStage.getScene().lookup("#guideFormatChat").isDisabled())).isTrue();
        assertThat(onFx(() -> ((RadioButton) guideStage.getScene().lookup("#guideFormatPlain")).isSelected())).isTrue();
        robot.clickOn("#guideNext");

        // 5. labeling: K = 3
        onFx(() -> {
            vm.kProperty().set(3);
            return null;
        });
        ScreenShots.save(guideStage.getScene(), Path.of("target/screenshots/new-project-guide.png"));

        // a Create that fails: the file changed since its preview; nothing is left and the guide stays open
        Files.writeString(prompts, "{\"prompt\": \"fine\"}\nthis line is not JSON\n");
        robot.clickOn("#guideCreate");
        waitUntil(30, () -> read(() -> !vm.creatingProperty().get() && !vm.errorProperty().get().isEmpty()));
        assertThat(text(guideStage, "guideError")).startsWith("Nothing was created: ").contains("my-prompts.jsonl:2");
        assertThat(list(parent)).isEmpty();
        assertThat(onFx(guideStage::isShowing)).isTrue();

        // fixed: Create makes the project, opens it, and the Label tab ranks its first prompt
        Files.write(prompts, List.of("{\"prompt\": \"What is the capital of France?\"}",
                "{\"prompt\": \"Name three primary colours.\"}"));
        robot.clickOn("#guideCreate");
        waitUntil(60, () -> read(() -> !guideStage.isShowing()));
        assertThat(list(parent)).containsExactly("capitals");
        waitUntil(60, () -> read(() -> window.label.screen().phaseProperty().get() == Phase.LABELING));
        assertThat(window.selectedTab()).isEqualTo("tab-label");
        assertThat(onFx(() -> window.main.projectNameProperty().get())).isEqualTo("capitals");
        assertThat(onFx(() -> ((Label) window.stage.getScene().lookup("#promptText")).getText()))
                .isEqualTo("What is the capital of France?");
        assertThat(onFx(() -> window.label.cards().size())).isEqualTo(3);
        waitUntil(120, () -> read(() -> window.label.cards().stream().allMatch(c -> c.doneProperty().get())));
        assertThat(onFx(() -> window.label.cards().stream().map(CardModel::errorProperty)
                .allMatch(e -> e.get() == null || e.get().isEmpty()))).isTrue();
        ScreenShots.save(window.stage.getScene(), Path.of("target/screenshots/guide-label-tab.png"));
    }

    @Test
    void theEmptyLabelScreenOffersTheGuideAndCancelClosesIt(FxRobot robot) throws Exception {
        assertThat(onFx(() -> ((Label) window.stage.getScene().lookup("#emptyTitle")).getText())).isEqualTo("No project open");
        Button offer = window.lookup("emptyAction");
        assertThat(onFx(() -> offer.isVisible() ? offer.getText() : "hidden")).isEqualTo("Start a new project with the guide…");

        robot.clickOn(offer);
        waitUntil(10, () -> read(() -> guideWindow() != null));
        assertThat(onFx(() -> ((Label) guideWindow().getScene().lookup("#guideReason")).getText())).startsWith("Choose the folder");
        robot.clickOn("#guideCancel");
        waitUntil(10, () -> read(() -> guideWindow() == null));
    }

    private static javafx.stage.Window guideWindow() {
        return javafx.stage.Window.getWindows().stream().filter(w -> w.isShowing() && w.getScene() != null
                && w.getScene().getRoot() instanceof NewProjectGuideView).findFirst().orElse(null);
    }

    private static String text(Stage stage, String id) throws Exception {
        return onFx(() -> ((Label) stage.getScene().lookup("#" + id)).getText());
    }

    private static String text(javafx.scene.Node node) {
        return ((Label) node).getText();
    }

    private static boolean disabled(Stage stage, String id) throws Exception {
        return onFx(() -> stage.getScene().lookup("#" + id).isDisabled());
    }

    private static List<String> list(Path dir) throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}

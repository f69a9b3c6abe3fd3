package org.rlhfworkbench.ui.label;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rlhfworkbench.ui.label.FxSupport.onFx;
import static org.rlhfworkbench.ui.label.FxSupport.read;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.rlhfworkbench.core.Generation;
import org.rlhfworkbench.core.ModelKind;
import org.rlhfworkbench.jobs.ThreadPoolBackgroundExecutor;
import org.rlhfworkbench.jobs.label.GeneratorChoice;
import org.rlhfworkbench.jobs.label.LabelConfig;
import org.rlhfworkbench.jobs.label.LabelFixtures;
import org.rlhfworkbench.jobs.label.ProjectLabelingService;
import org.rlhfworkbench.jobs.label.ResponseGenerator;
import org.rlhfworkbench.store.Project;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Label tab on a real project (the bundled sample model plus a second, random GPT-2): the
 * side panel switches the generating model and K, the shown prompt keeps its four answers, and
 * the next prompt's answers come from the second model, three of them. Answers are capped at 8
 * tokens, so some are cut and marked so.
 */
@ExtendWith(ApplicationExtension.class)
class LabelGeneratorFxTest {
    private static final int MAX_TOKENS = 8;

    @TempDir
    static Path tmp;

    private final ThreadPoolBackgroundExecutor executor = new ThreadPoolBackgroundExecutor(Platform::runLater);
    private final LabelViewModel viewModel = new LabelViewModel(executor, KeyMapStore.inMemory(KeyMap.defaults()));
    private Scene scene;
    private int cutSeen;
    private Project project;
    private ProjectLabelingService service;

    @Start
    void start(Stage stage) {
        LabelView view = new LabelView(viewModel);
        scene = new Scene(view, FxSupport.WIDTH, FxSupport.HEIGHT);
        stage.setScene(scene);
        stage.show();
        view.requestFocus();
    }

    @AfterEach
    void tearDown() {
        if (service != null) {
            service.close();
        }
        executor.shutdown();
        if (project != null) {
            project.close();
        }
    }

    private static void waitUntil(long seconds, BooleanSupplier condition) throws Exception {
        WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, condition::getAsBoolean);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private String label(String id) throws Exception {
        return onFx(() -> ((Label) scene.lookup("#" + id)).getText());
    }

    @Test
    void theSidePanelSwitchesModelAndKForTheNextPrompt(FxRobot robot) throws Exception {
        Path dir = LabelFixtures.sampleProject(tmp.resolve("a"));
        long second;
        project = Project.open(dir);
        LabelFixtures.tinyModel(dir.resolve("models/second"));
        second = project.models().add("second", ModelKind.SFT, null, "models/second", null);
        project.meta().put(LabelConfig.META_MAX_NEW_TOKENS, Integer.toString(MAX_TOKENS));
        long first = Long.parseLong(project.meta().get("policy_model"));
        service = new ProjectLabelingService(project, 7L);
        onFx(() -> {
            viewModel.open(service);
            return null;
        });
        waitUntil(60, () -> read(() -> viewModel.screen().phaseProperty().get() == Phase.LABELING
                && viewModel.allShownProperty().get()));
        String firstPrompt = onFx(() -> viewModel.screen().promptProperty().get());
        assertThat(onFx(() -> viewModel.cards().size())).isEqualTo(4);
        assertThat(label("generatorLine")).startsWith("answers from " + project.models().get(first).name())
                .contains("· K 4 ·").contains("max 8 tokens");
        checkCutMarkers(4);

        // choose the second model and K 3 in the side panel, then Apply
        onFx(() -> {
            @SuppressWarnings("unchecked")
            ComboBox<GeneratorChoice> models = (ComboBox<GeneratorChoice>) scene.lookup("#generatorModel");
            models.getSelectionModel().select(models.getItems().stream().filter(m -> m.id() == second).findFirst().orElseThrow());
            return null;
        });
        robot.doubleClickOn("#generatorK").write("3");
        assertThat(onFx(() -> viewModel.generator().kProperty().get())).isEqualTo("3");
        robot.clickOn("#generatorApply");
        waitUntil(20, () -> Long.toString(second).equals(project.meta().get("policy_model")));
        assertThat(project.meta().get(LabelConfig.META_K)).isEqualTo("3");
        waitUntil(10, () -> read(() -> viewModel.generator().cardsLineProperty().get().startsWith("next prompt:")));

        // the shown prompt keeps its four answers; the keys still label after the clicks in the side panel
        assertThat(onFx(() -> viewModel.screen().promptProperty().get())).isEqualTo(firstPrompt);
        assertThat(onFx(() -> viewModel.cards().size())).isEqualTo(4);
        assertThat(label("generatorLine")).startsWith("next prompt: answers from second (gpt2");
        robot.type(KeyCode.S);
        waitUntil(60, () -> read(() -> !firstPrompt.equals(viewModel.screen().promptProperty().get())
                && viewModel.cards().size() == 3 && viewModel.allShownProperty().get()));

        List<Long> ids = onFx(() -> viewModel.cards().stream().map(CardModel::generationId).toList());
        for (long id : ids) {
            Generation g = project.generations().get(id);
            assertThat(g.modelId()).isEqualTo(second);
            assertThat(g.samplingJson()).contains("\"k\":3");
        }
        assertThat(label("generatorLine")).startsWith("answers from second (gpt2").contains("· K 3 ·");
        checkCutMarkers(3);
        assertThat(cutSeen).as("answers cut at 8 tokens among the 7 shown").isPositive();
    }

    /**
     * Each card says "cut at 8 tokens" exactly when its stored answer's finish_reason is "length";
     * a cut answer kept at most 8 tokens, an answer that ended by itself fewer than 8.
     */
    private void checkCutMarkers(int cards) throws Exception {
        for (int n = 1; n <= cards; n++) {
            int slot = n - 1;
            long id = onFx(() -> viewModel.cards().get(slot).generationId());
            Generation g = project.generations().get(id);
            boolean cut = ResponseGenerator.cutAt(g.samplingJson()) != null;
            String length = label("length-" + n);
            if (cut) {
                cutSeen++;
                assertThat(length).startsWith("cut at " + MAX_TOKENS + " tokens");
                assertThat(g.tokenCount()).isLessThanOrEqualTo(MAX_TOKENS);
            } else {
                assertThat(length).doesNotContain("cut at").startsWith(g.tokenCount() + " token");
                assertThat(g.tokenCount()).isLessThan(MAX_TOKENS);
            }
        }
    }
}

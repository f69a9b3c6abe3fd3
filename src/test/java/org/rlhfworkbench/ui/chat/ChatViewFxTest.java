package org.rlhfworkbench.ui.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.rlhfworkbench.core.ChatTurn;
import org.rlhfworkbench.core.Message;
import org.rlhfworkbench.core.Ranking;
import org.rlhfworkbench.jobs.ThreadPoolBackgroundExecutor;
import org.rlhfworkbench.jobs.chat.ProjectChatService;
import org.rlhfworkbench.jobs.label.LabelFixtures;
import org.rlhfworkbench.store.Project;
import org.rlhfworkbench.ui.evaluate.Screenshots;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The Chat tab on a real project and model: send by Enter, regenerate K = 3 by key, rank by number keys. */
@ExtendWith(ApplicationExtension.class)
class ChatViewFxTest {
    @TempDir
    static Path tmp;
    private final ThreadPoolBackgroundExecutor executor = new ThreadPoolBackgroundExecutor(Platform::runLater);
    private Project project;
    private ChatViewModel vm;
    private ChatView view;

    @Start
    void start(Stage stage) {
        project = Project.open(LabelFixtures.sampleProject(tmp.resolve("chat-" + System.nanoTime())));
        vm = new ChatViewModel(executor, () -> new ProjectChatService(project));
        view = new ChatView(vm);
        Scene scene = new Scene(view, 1200, 800);
        URL css = ChatView.class.getResource("/org/rlhfworkbench/ui/workbench.css");
        if (css != null) {
            scene.getStylesheets().add(css.toExternalForm());
        }
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void tearDown() throws Exception {
        onFx(() -> {
            vm.close();
            return null;
        });
        executor.shutdown();
        project.close();
    }

    @Test
    void aTurnRegeneratedWithThreeAlternativesAndRankedIsARankingInTheProject(FxRobot robot) throws Exception {
        onFx(() -> {
            vm.projectChanged();
            return null;
        });
        waitUntil(() -> read(() -> vm.settings().modelProperty().get() != null));
        onFx(() -> {
            vm.settings().maxNewTokensProperty().set(8);
            vm.settings().kProperty().set(3);
            vm.settings().systemPromptProperty().set("Be brief.");
            vm.inputProperty().set("What is 2 plus 2?");
            return null;
        });
        robot.clickOn("#chatInput");
        robot.type(KeyCode.ENTER);
        waitUntil(() -> read(() -> vm.turns().size() == 2 && vm.turns().get(1).turn() != null
                && !vm.generatingProperty().get()));
        assertThat(read(() -> vm.selectedProperty().get() == 1)).isTrue();

        robot.clickOn("#turnText-0");   // off the text boxes: keys go to the chat
        robot.type(KeyCode.G);
        waitUntil(() -> read(() -> vm.alternatives().openProperty().get() && !vm.generatingProperty().get()
                && vm.alternatives().items().size() == 4
                && vm.alternatives().items().stream().allMatch(a -> a.turnId() != null)));
        onFx(() -> Screenshots.save(view, "chat-ranking"));
        robot.type(KeyCode.DIGIT3, KeyCode.DIGIT1, KeyCode.DIGIT4, KeyCode.DIGIT2);
        assertThat(onFx(() -> vm.alternatives().items().stream().map(a -> a.rankProperty().get()).toList()))
                .containsExactly(2, 4, 1, 3);
        robot.type(KeyCode.ENTER);
        waitUntil(() -> read(() -> !vm.alternatives().openProperty().get()));

        List<Ranking> rankings = project.rankings().all().stream().filter(r -> "chat".equals(r.note())).toList();
        assertThat(rankings).hasSize(1);
        Ranking r = rankings.get(0);
        assertThat(r.entries()).hasSize(4);
        assertThat(r.pairs()).hasSize(6);
        assertThat(project.prompts().get(r.promptId()).messages())
                .containsExactly(new Message("system", "Be brief."), Message.user("What is 2 plus 2?"));
        List<ChatTurn> turns = project.conversations().turns(project.conversations().all().get(0).id());
        assertThat(turns).filteredOn(ChatTurn::isAssistant).hasSize(4);

        // the branch switch shows another alternative; the earlier one stays in the tree
        onFx(() -> {
            vm.selectedProperty().set(1);
            return null;
        });
        robot.clickOn("#turnText-0");
        assertThat(read(() -> vm.turns().get(1).branch() == 1)).isTrue();   // the regenerated turn stayed shown
        robot.type(KeyCode.RIGHT);
        waitUntil(() -> read(() -> vm.turns().size() == 2 && vm.turns().get(1).branch() == 2));
        assertThat(onFx(() -> vm.conversations().get(0).title())).isEqualTo("What is 2 plus 2?");
        ChatTurn shown = onFx(() -> vm.turns().get(1).turn());
        assertThat(onFx(() -> vm.turns().get(1).textProperty().get()))
                .isEqualTo(project.conversations().turn(shown.id()).content());
        onFx(() -> Screenshots.save(view, "chat"));
    }

    private static <T> T onFx(Callable<T> read) throws Exception {
        T value = WaitForAsyncUtils.asyncFx(read).get(30, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        return value;
    }

    private static boolean read(Callable<Boolean> read) {
        try {
            return WaitForAsyncUtils.asyncFx(read).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void waitUntil(BooleanSupplier condition) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, condition::getAsBoolean);
        WaitForAsyncUtils.waitForFxEvents();
    }
}

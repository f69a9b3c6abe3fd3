package org.rlhfworkbench.ui.label;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rlhfworkbench.ui.label.FxSupport.onFx;
import static org.rlhfworkbench.ui.label.FxSupport.waitUntil;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Map;
import javafx.scene.Scene;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Labeled;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.rlhfworkbench.jobs.ProjectService;
import org.rlhfworkbench.jobs.label.LabelItem;
import org.rlhfworkbench.jobs.label.LiveResponse;
import org.rlhfworkbench.jobs.label.ResponseStream;
import org.rlhfworkbench.ui.MainWindow;
import org.rlhfworkbench.ui.project.MainView;
import org.rlhfworkbench.ui.project.MainViewModel;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The Label tab's side panel and cards with a fake service: keys after clicks, the edited and cut markers, nothing cut off. */
@ExtendWith(ApplicationExtension.class)
class LabelPanelFxTest {
    private FxSupport fx;

    @Start
    void start(Stage stage) {
        fx = new FxSupport(stage);
    }

    @AfterEach
    void tearDown() {
        fx.shutdown();
    }

    @Test
    void keysLabelAfterClicksInTheSidePanelButNotWhileTypingInAField(FxRobot robot) throws Exception {
        fx.open(FakeLabelingService.complete(4, 2).withTwoModels(), Phase.LABELING);

        robot.clickOn("#labelProgress").type(KeyCode.DIGIT1);
        assertThat(fx.label("badge-1")).isEqualTo("1");

        // into a text field: digits are typed there, not ranked
        robot.clickOn("#generatorTemperature").type(KeyCode.END).type(KeyCode.DIGIT5);
        assertThat(onFx(() -> ((TextField) fx.scene.lookup("#generatorTemperature")).getText())).isEqualTo("0.75");
        assertThat(fx.label("badge-2")).isEmpty();

        // a control that consumes its click (the check box) still gives the keys back to labeling
        robot.clickOn("#hideSimulated").clickOn("#hideSimulated").type(KeyCode.DIGIT2);
        assertThat(fx.label("badge-2")).isEqualTo("2");

        // Esc in a field gives the keys back too
        robot.clickOn("#generatorK").type(KeyCode.ESCAPE).type(KeyCode.DIGIT3);
        assertThat(fx.label("badge-3")).isEqualTo("3");

        // and so does a click on the history list or the guidelines
        robot.clickOn("#historyList").type(KeyCode.DIGIT4);
        assertThat(fx.label("badge-4")).isEqualTo("4");
        assertThat(fx.label("rankingSummary")).isEqualTo("1 > 2 > 3 > 4");
    }

    @Test
    void cardsSayWhenAnAnswerWasCutAndWhenItWasEdited(FxRobot robot) throws Exception {
        List<ResponseStream> streams = List.of(
                LiveResponse.completed(0, "one two three four five six seven eight", 10, 8, 8),
                LiveResponse.completed(1, "Short.", 11, 2, null));
        FakeLabelingService service = new FakeLabelingService(FakeLabelingService.settings(2, false))
                .add(new LabelItem(1, "Say something", streams, null));
        fx.open(service, Phase.LABELING);
        assertThat(fx.label("length-1")).isEqualTo("cut at 8 tokens · 8 words");
        assertThat(fx.label("length-2")).isEqualTo("2 tokens · 1 word");

        robot.type(KeyCode.E).type(KeyCode.DIGIT2);
        waitUntil(() -> FxSupport.read(() -> fx.viewModel.editor().isOpen()));
        onFx(() -> {
            fx.viewModel.editor().textProperty().set("A longer and better answer.");
            return null;
        });
        robot.press(KeyCode.SHORTCUT).press(KeyCode.ENTER).release(KeyCode.ENTER).release(KeyCode.SHORTCUT);
        // the fake counts two tokens per word: 5 words, 10 tokens
        waitUntil(() -> FxSupport.read(() -> fx.viewModel.cards().get(1).correctionTokensProperty().get() == 10));
        assertThat(fx.label("length-2")).isEqualTo("edited: 10 tokens · 5 words (was 2 tokens)");
        assertThat(fx.label("length-1")).isEqualTo("cut at 8 tokens · 8 words");
    }

    /**
     * In the real window at its default size (the project sidebar beside the tabs), no label or
     * button of the side panel, the status line, the generator line or a card is cut ("...").
     */
    @Test
    void atTheDefaultSizeNoLabelOrButtonOfThePanelIsCutOff(@TempDir Path home) throws Exception {
        LabelViewModel vm = new LabelViewModel(fx.executor, KeyMapStore.inMemory(KeyMap.defaults()));
        Stage window = onFx(() -> {
            MainView main = new MainView(new MainViewModel(fx.executor, new ProjectService(home)),
                    Map.of("Label", new LabelView(vm)));
            Scene scene = new Scene(main, MainWindow.WIDTH, MainWindow.HEIGHT);
            scene.getStylesheets().add(MainWindow.class.getResource("/org/rlhfworkbench/ui/workbench.css").toExternalForm());
            Stage stage = new Stage();
            stage.setScene(scene);
            stage.show();
            vm.open(FakeLabelingService.complete(4, 2).withTwoModels());
            return stage;
        });
        waitUntil(() -> FxSupport.read(() -> vm.screen().phaseProperty().get() == Phase.LABELING));
        List<String> cut = onFx(() -> {
            List<String> out = new ArrayList<>();
            for (String id : List.of("labelSidePanel", "labelStatusLine", "generatorLine", "card-1", "card-4")) {
                collectCut(window.getScene().lookup("#" + id), out);
            }
            window.hide();
            return out;
        });
        assertThat(cut).isEmpty();
    }

    /** Visible one-line labels and buttons narrower than their text needs (shown with "..."). */
    private static void collectCut(Node node, List<String> out) {
        if (!node.isVisible()) {
            return;
        }
        // a titled pane's preferred width is its content's; its own title is checked through its children
        if (node instanceof Labeled l && !(l instanceof TitledPane) && !l.isWrapText() && l.getText() != null && !l.getText().isEmpty()
                && l.getWidth() + 0.5 < l.prefWidth(-1)) {
            out.add(l.getClass().getSimpleName() + " \"" + l.getText() + "\" " + l.getWidth() + " < " + l.prefWidth(-1));
        }
        if (node instanceof Parent p) {
            p.getChildrenUnmodifiable().forEach(c -> collectCut(c, out));
        }
    }
}

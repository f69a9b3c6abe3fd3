package org.rlhfworkbench.ui.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rlhfworkbench.ui.project.LabelingWindow.onFx;
import static org.rlhfworkbench.ui.project.LabelingWindow.read;
import static org.rlhfworkbench.ui.project.LabelingWindow.waitUntil;

import java.nio.file.Path;
import java.util.List;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.rlhfworkbench.core.Generation;
import org.rlhfworkbench.core.Message;
import org.rlhfworkbench.core.Ranking;
import org.rlhfworkbench.core.RankingEntry;
import org.rlhfworkbench.core.RankingStatus;
import org.rlhfworkbench.jobs.SampleProjects;
import org.rlhfworkbench.jobs.label.LabelConfig;
import org.rlhfworkbench.store.Project;
import org.rlhfworkbench.ui.charts.ScreenShots;
import org.rlhfworkbench.ui.label.Phase;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The prompt browser in the main window with a real labeling service on the bundled model:
 * filters and search with counts, a click opens the prompt in the Label tab (a conversation
 * shows as turns with the last user turn in sight), and a label moves the prompt to "ranked".
 */
@ExtendWith(ApplicationExtension.class)
class PromptBrowserFxTest {
    static final String LAST_TURN = "Name a cat breed that likes water.";
    @TempDir
    Path tmp;
    private LabelingWindow window;
    private long conversation;
    private long decided;

    @Start
    void start(Stage stage) {
        window = new LabelingWindow(stage, Path.of(System.getProperty("java.io.tmpdir"),
                "rlhf-browser-home-" + ProcessHandle.current().pid()));
    }

    @AfterEach
    void tearDown() throws Exception {
        window.close();
    }

    private Path project() {
        Path dir = tmp.resolve("browse");
        try (Project p = Project.create(dir)) {
            SampleProjects.installBaseModel(p);
            p.meta().put(LabelConfig.META_K, "2");
            decided = p.prompts().add("Explain RLHF.", "test");
            long joke = p.prompts().add("Tell me a joke about cats.", "test");
            p.prompts().add("What is 2+2?", "test");
            String longHello = "Hi! " + "I have a long story to tell before my question. ".repeat(12);
            List<Message> turns = List.of(Message.user(longHello), Message.assistant("Hello! How can I help today?"),
                    Message.user(LAST_TURN));
            conversation = p.prompts().add("user: " + longHello + "\n\nassistant: Hello! How can I help today?\n\nuser: "
                    + LAST_TURN, turns, "test");
            decide(p, decided, RankingStatus.RANKED);
            decide(p, joke, RankingStatus.FLAGGED);
        }
        return dir;
    }

    private static void decide(Project p, long prompt, RankingStatus status) {
        long a = p.generations().add(new Generation(0, prompt, "answer a", 2, null, "import", null, null));
        long b = p.generations().add(new Generation(0, prompt, "answer b", 2, null, "import", null, null));
        p.rankings().add(new Ranking(0, prompt, status, null, "human", status == RankingStatus.RANKED
                ? List.of(new RankingEntry(a, 1), new RankingEntry(b, 2)) : List.of(), List.of(a, b)));
    }

    @Test
    void filterSearchOpenAConversationAndSeeItsStatusChangeAfterLabeling(FxRobot robot) throws Exception {
        Path dir = project();
        onFx(() -> {
            window.main.open(dir);
            return null;
        });
        waitUntil(60, () -> read(() -> window.label.screen().phaseProperty().get() == Phase.LABELING));
        assertThat(prompt()).isEqualTo("What is 2+2?");
        waitUntil(10, () -> read(() -> "all 4".equals(filter("all").getText())));
        assertThat(filterTexts()).containsExactly("all 4", "unlabeled 2", "ranked 1", "all bad 0", "skipped 0",
                "flagged 1", "has demonstration 0");

        robot.clickOn("#filter-flagged");
        waitUntil(10, () -> read(() -> rows().size() == 1));
        assertThat(onFx(() -> rows().get(0).line())).isEqualTo("Tell me a joke about cats.");
        robot.clickOn("#filter-all");
        robot.clickOn("#promptSearch").write("CAT");
        waitUntil(10, () -> read(() -> rows().size() == 2));
        assertThat(filterTexts()).startsWith("all 2", "unlabeled 1", "ranked 0");

        robot.clickOn(cell(conversation));
        waitUntil(60, () -> read(() -> prompt().endsWith(LAST_TURN)));
        assertThat(window.selectedTab()).isEqualTo("tab-label");
        Label last = window.lookup("promptTurn-2");
        assertThat(onFx(last::getText)).isEqualTo("User: " + LAST_TURN);
        waitUntil(10, () -> read(() -> within(window.lookup("promptTurn-2"), scroll())));
        assertThat(read(() -> within(window.lookup("promptTurn-0"), scroll()))).as("the long first turn scrolled away").isFalse();
        ScreenShots.save(window.stage.getScene(), Path.of("target/screenshots/prompt-browser-conversation.png"));

        // rank it: the browser hears the label through the change feed; the prompt set aside comes back
        waitUntil(120, () -> read(() -> window.label.allShownProperty().get()));
        waitUntil(10, () -> read(() -> window.stage.getScene().getFocusOwner() != null
                && "labelView".equals(window.stage.getScene().getFocusOwner().getId())));
        robot.type(KeyCode.DIGIT1, KeyCode.ENTER);
        waitUntil(30, () -> read(() -> "ranked 1".equals(filter("ranked").getText())));
        assertThat(filterTexts()).startsWith("all 2", "unlabeled 0", "ranked 1");
        waitUntil(30, () -> read(() -> "What is 2+2?".equals(prompt())));

        // a decided prompt reopens its decision
        robot.clickOn("#promptSearch").eraseText(3).write("RLHF");
        waitUntil(10, () -> read(() -> rows().size() == 1));
        robot.clickOn(cell(decided));
        waitUntil(30, () -> read(() -> "Explain RLHF.".equals(prompt())));
        assertThat(window.label.screen().reopenedProperty().get()).startsWith("Changing the earlier decision about prompt");
    }

    private String prompt() {
        return window.label.screen().promptProperty().get();
    }

    @SuppressWarnings("unchecked")
    private List<PromptRow> rows() {
        return ((ListView<PromptRow>) window.stage.getScene().lookup("#promptList")).getItems();
    }

    private ToggleButton filter(String name) {
        return (ToggleButton) window.stage.getScene().lookup("#filter-" + name.replace(' ', '_'));
    }

    private List<String> filterTexts() throws Exception {
        return onFx(() -> ((javafx.scene.Parent) window.stage.getScene().lookup("#promptFilters")).getChildrenUnmodifiable().stream()
                .map(n -> ((ToggleButton) n).getText()).toList());
    }

    @SuppressWarnings("unchecked")
    private Node cell(long promptId) throws Exception {
        return onFx(() -> window.stage.getScene().lookup("#promptList").lookupAll(".list-cell").stream()
                .filter(n -> ((ListCell<PromptRow>) n).getItem() != null && ((ListCell<PromptRow>) n).getItem().id() == promptId)
                .findFirst().orElseThrow());
    }

    private ScrollPane scroll() {
        return (ScrollPane) window.stage.getScene().lookup("#promptBanner").lookup(".scroll-pane");
    }

    /** Whether {@code node} lies inside the visible part of {@code scroll}. */
    private static boolean within(Node node, ScrollPane scroll) {
        Bounds n = node.localToScene(node.getBoundsInLocal());
        Bounds s = scroll.localToScene(scroll.getBoundsInLocal());
        return n.getMinY() >= s.getMinY() - 1 && n.getMaxY() <= s.getMaxY() + 1;
    }
}

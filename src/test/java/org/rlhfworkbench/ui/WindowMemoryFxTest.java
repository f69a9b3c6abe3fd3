package org.rlhfworkbench.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.prefs.Preferences;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/** The window's size and every split pane's dividers come back in the next session, hidden tabs included. */
@ExtendWith(ApplicationExtension.class)
class WindowMemoryFxTest {
    private final Preferences node = Preferences.userRoot().node("/org/rlhfworkbench/test-" + UUID.randomUUID());

    @AfterEach
    void removeNode() throws Exception {
        node.removeNode();
    }

    /** A tab pane with a named split pane in the first tab and two unnamed ones in the second (hidden) tab. */
    private static Scene scene() {
        SplitPane named = new SplitPane(pane("cards"), pane("side"));
        named.setId("labelSplit");
        StackPane second = new StackPane(new SplitPane(pane("a"), pane("b")),
                new SplitPane(pane("c"), pane("d"), pane("e")));
        second.setId("ppoView");
        return new Scene(new TabPane(new Tab("Label", named), new Tab("PPO", second)), 900, 600);
    }

    /** A label in a pane that may grow (a bare label's max width is its text's, which would pin the divider). */
    private static StackPane pane(String text) {
        return new StackPane(new Label(text));
    }

    private static <T> T fx(java.util.concurrent.Callable<T> c) throws Exception {
        T v = WaitForAsyncUtils.asyncFx(c).get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        return v;
    }

    @Test
    void sizeAndDividersAreRestoredInTheNextSession() throws Exception {
        WindowMemory memory = new WindowMemory(node);
        fx(() -> {
            Stage stage = new Stage();
            stage.setScene(scene());
            stage.show();
            stage.setWidth(1000);
            stage.setHeight(700);
            var panes = WindowMemory.splitPanes(stage.getScene());
            assertThat(panes).containsOnlyKeys("labelSplit", "ppoView.0", "ppoView.1");
            panes.get("labelSplit").setDividerPositions(0.61);
            panes.get("ppoView.1").setDividerPositions(0.2, 0.7);
            memory.save(stage);
            assertThat(node.get("split.labelSplit", null)).isEqualTo("0.6100");
            assertThat(node.get("split.ppoView.1", null)).isEqualTo("0.2000,0.7000");
            stage.hide();
            return null;
        });

        Stage again = fx(() -> {
            Stage stage = new Stage();
            assertThat(new WindowMemory(node).restoreBounds(stage)).isTrue();
            stage.setScene(scene());
            stage.show();
            new WindowMemory(node).attach(stage);
            return stage;
        });
        var panes = fx(() -> WindowMemory.splitPanes(again.getScene()));
        assertThat(fx(again::getWidth)).isEqualTo(1000.0);
        assertThat(fx(again::getHeight)).isEqualTo(700.0);
        assertThat(fx(() -> panes.get("labelSplit").getDividerPositions())).containsExactly(new double[] {0.61}, within());
        assertThat(fx(() -> panes.get("ppoView.1").getDividerPositions())).containsExactly(new double[] {0.2, 0.7}, within());
        fx(() -> {
            again.hide();
            return null;
        });
    }

    @Test
    void nothingRememberedMeansTheDefaultSize() throws Exception {
        assertThat(fx(() -> new WindowMemory(node).restoreBounds(new Stage()))).isFalse();
    }

    private static org.assertj.core.data.Offset<Double> within() {
        return org.assertj.core.data.Offset.offset(1e-3);
    }
}

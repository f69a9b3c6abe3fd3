package org.rlhfworkbench.ui.ppo;

import eu.hansolo.tilesfx.Tile;
import eu.hansolo.tilesfx.TileBuilder;
import java.util.Locale;
import javafx.beans.value.ObservableDoubleValue;
import javafx.geometry.Pos;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import org.rlhfworkbench.ui.charts.DashboardModel;
import org.rlhfworkbench.ui.charts.RunFormat;

/** PPO's headline figures as TilesFX tiles: mean RM score, KL, beta, tokens/s, episodes and ETA. */
final class PpoTiles extends HBox {
    static final double WIDTH = 160;
    static final double MIN_WIDTH = 104;
    static final double HEIGHT = 110;

    PpoTiles(PpoLive live, DashboardModel dashboard) {
        super(8);
        getStyleClass().add("ppo-tiles");
        setAlignment(Pos.CENTER_LEFT);
        Tile score = number("Mean RM score", "tile-score", 3);
        Tile kl = number("KL to SFT, nats", "tile-kl", 3);
        Tile beta = number("β (KL coefficient)", "tile-beta", 4);
        Tile tps = number("Tokens / s", "tile-tps", 0);
        Tile episodes = number("Episodes", "tile-episodes", 0);
        Tile eta = TileBuilder.create().skinType(Tile.SkinType.TEXT).title("ETA").description("–")
                .descriptionAlignment(Pos.CENTER).textVisible(true).text("").prefSize(WIDTH, HEIGHT)
                .minSize(MIN_WIDTH, HEIGHT).build();
        eta.setId("tile-eta");
        follow(score, live.scoreProperty());
        follow(kl, live.klProperty());
        follow(beta, live.betaProperty());
        follow(tps, dashboard.tokensPerSecondProperty());
        follow(episodes, live.episodesProperty());
        Runnable progress = () -> {
            String text = dashboard.totalStepsProperty().get() == 0 ? ""
                    : "step " + dashboard.stepProperty().get() + " / " + dashboard.totalStepsProperty().get();
            episodes.setText(text);
            eta.setText(text);
        };
        dashboard.stepProperty().addListener((obs, old, now) -> progress.run());
        dashboard.totalStepsProperty().addListener((obs, old, now) -> progress.run());
        dashboard.etaSecondsProperty().addListener((obs, old, now) ->
                eta.setDescription(RunFormat.duration(now.doubleValue())));
        getChildren().addAll(score, kl, beta, tps, episodes, eta);
        // the tiles share the width there is (each down to 60 px, its text scaled by TilesFX) rather
        // than run past the right edge of a narrow window
        getChildren().forEach(t -> {
            ((javafx.scene.layout.Region) t).setMinWidth(60);
            HBox.setHgrow(t, Priority.ALWAYS);
        });
    }

    private static Tile number(String title, String id, int decimals) {
        Tile tile = TileBuilder.create().skinType(Tile.SkinType.NUMBER).title(title).decimals(decimals)
                .locale(Locale.ROOT).minValue(-1e12).maxValue(1e12).animated(false).valueVisible(false)
                .textVisible(true).text("").prefSize(WIDTH, HEIGHT).minSize(MIN_WIDTH, HEIGHT).build();
        tile.setId(id);
        return tile;
    }

    /** Shows the value when there is one; an empty tile otherwise. */
    private static void follow(Tile tile, ObservableDoubleValue value) {
        Runnable show = () -> {
            double v = value.get();
            tile.setValueVisible(Double.isFinite(v));
            if (Double.isFinite(v)) {
                tile.setValue(v);
            }
        };
        value.addListener((obs, old, now) -> show.run());
        show.run();
    }
}

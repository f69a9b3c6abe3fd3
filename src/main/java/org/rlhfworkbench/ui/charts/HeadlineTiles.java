package org.rlhfworkbench.ui.charts;

import eu.hansolo.tilesfx.Tile;
import eu.hansolo.tilesfx.TileBuilder;
import java.util.Locale;
import javafx.beans.value.ObservableDoubleValue;
import javafx.geometry.Pos;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

/** The headline numbers of a run as TilesFX tiles: current loss, the evaluation metric, tokens/s and ETA. */
final class HeadlineTiles extends HBox {
    static final double WIDTH = 160;
    static final double HEIGHT = 110;

    HeadlineTiles(DashboardModel model) {
        super(8);
        getStyleClass().add("headline-tiles");
        setAlignment(Pos.CENTER_LEFT);
        Tile loss = number("Loss", "tile-loss", 4, "");
        Tile eval = number(model.spec().evalTitle(), "tile-eval", 4, "");
        Tile tps = number("Tokens / s", "tile-tps", 0, "");
        Tile eta = TileBuilder.create().skinType(Tile.SkinType.TEXT).title("ETA").description("–")
                .descriptionAlignment(Pos.CENTER).textVisible(true).text("").prefSize(WIDTH, HEIGHT).build();
        eta.setId("tile-eta");
        follow(loss, model.lossProperty());
        follow(eval, model.evalProperty());
        follow(tps, model.tokensPerSecondProperty());
        Runnable progress = () -> {
            String text = model.totalStepsProperty().get() == 0 ? ""
                    : "step " + model.stepProperty().get() + " / " + model.totalStepsProperty().get();
            loss.setText(text);
            eta.setText(text);
        };
        model.stepProperty().addListener((obs, old, now) -> progress.run());
        model.totalStepsProperty().addListener((obs, old, now) -> progress.run());
        model.etaSecondsProperty().addListener((obs, old, now) ->
                eta.setDescription(RunFormat.duration(now.doubleValue())));
        getChildren().addAll(loss, eval, tps, eta);
        // the tiles share the width there is (each down to 60 px, its text scaled by TilesFX) rather
        // than run past the right edge of a narrow window
        getChildren().forEach(t -> {
            ((javafx.scene.layout.Region) t).setMinWidth(60);
            HBox.setHgrow(t, Priority.ALWAYS);
        });
    }

    private static Tile number(String title, String id, int decimals, String unit) {
        Tile tile = TileBuilder.create().skinType(Tile.SkinType.NUMBER).title(title).unit(unit).decimals(decimals)
                .locale(Locale.ROOT).minValue(-1e12).maxValue(1e12).animated(false).valueVisible(false)
                .textVisible(true).text("").prefSize(WIDTH, HEIGHT).build();
        tile.setId(id);
        return tile;
    }

    /** Shows the value when there is one; an empty tile otherwise. */
    private static void follow(Tile tile, ObservableDoubleValue value) {
        value.addListener((obs, old, now) -> {
            double v = now.doubleValue();
            tile.setValueVisible(Double.isFinite(v));
            if (Double.isFinite(v)) {
                tile.setValue(v);
            }
        });
    }
}

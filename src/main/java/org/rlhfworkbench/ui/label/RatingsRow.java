package org.rlhfworkbench.ui.label;

import javafx.beans.property.IntegerProperty;
import javafx.scene.Group;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import org.controlsfx.control.Rating;

/** Per-criterion 1-5 ratings of one card with ControlsFX Rating controls (id rating-N-criterion). */
final class RatingsRow extends FlowPane {

    RatingsRow(CardModel card) {
        getStyleClass().add("ratings-row");
        card.ratings().forEach((criterion, value) -> getChildren().add(item(card.number(), criterion, value)));
    }

    private static HBox item(int number, String criterion, IntegerProperty value) {
        Label name = new Label(criterion);
        name.getStyleClass().add("rating-name");
        Rating rating = new Rating(5, value.get());
        rating.setId("rating-" + number + "-" + criterion);
        rating.setFocusTraversable(false);
        rating.getStyleClass().add("card-rating");
        rating.ratingProperty().addListener((obs, old, now) -> value.set((int) Math.round(now.doubleValue())));
        value.addListener((obs, old, now) -> rating.setRating(now.intValue()));
        // a Group takes the scaled size of the stars (CSS scales them down), so the row stays compact
        HBox item = new HBox(name, new Group(rating));
        item.getStyleClass().add("rating-item");
        return item;
    }
}

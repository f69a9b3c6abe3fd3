package org.rlhfworkbench.ui.label;

import java.util.ArrayList;
import java.util.List;
import javafx.collections.ListChangeListener;
import javafx.scene.input.DragEvent;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.RowConstraints;

/**
 * The K cards in a grid that always fits the space under the banner (2-3 per row; 4 as 2x2), so
 * a long response scrolls inside its card instead of pushing the prompt away. A card dropped on
 * the free space is ranked next.
 */
final class CardsGrid extends GridPane {
    private final LabelViewModel viewModel;
    private final List<ResponseCard> nodes = new ArrayList<>();

    CardsGrid(LabelViewModel viewModel) {
        this.viewModel = viewModel;
        setId("cardsGrid");
        getStyleClass().add("cards-grid");
        setMinHeight(0);
        viewModel.cards().addListener((ListChangeListener<CardModel>) change -> rebuild(viewModel.cards()));
        setOnDragOver(event -> {
            if (CardDragAndDrop.draggedSlot(event) >= 0) {
                event.acceptTransferModes(TransferMode.MOVE);
            }
            event.consume();
        });
        setOnDragDropped(this::droppedOnFreeSpace);
        rebuild(viewModel.cards());
    }

    private void droppedOnFreeSpace(DragEvent event) {
        int slot = CardDragAndDrop.draggedSlot(event);
        if (slot >= 0) {
            viewModel.pressCard(slot);
        }
        event.setDropCompleted(slot >= 0);
        event.consume();
    }

    /** Columns for {@code k} cards: 2 -> 2, 3 -> 3, 4 -> 2 (2x2), 5..9 -> 3. */
    static int columns(int k) {
        return k == 4 ? 2 : Math.min(k, 3);
    }

    /** Shows {@code cards}; the card nodes stay when K stays, so the next prompt only rebinds them. */
    private void rebuild(List<CardModel> cards) {
        if (cards.size() != nodes.size()) {
            layOut(cards.size());
        }
        for (CardModel card : cards) {
            nodes.get(card.slot()).show(card);
        }
    }

    private void layOut(int k) {
        getChildren().clear();
        getColumnConstraints().clear();
        getRowConstraints().clear();
        nodes.clear();
        if (k == 0) {
            return;
        }
        int columns = columns(k);
        int rows = (k + columns - 1) / columns;
        for (int c = 0; c < columns; c++) {
            ColumnConstraints column = new ColumnConstraints();
            column.setPercentWidth(100.0 / columns);
            column.setHgrow(Priority.ALWAYS);
            getColumnConstraints().add(column);
        }
        for (int r = 0; r < rows; r++) {
            RowConstraints row = new RowConstraints();
            row.setPercentHeight(100.0 / rows);
            row.setVgrow(Priority.ALWAYS);
            row.setFillHeight(true);
            getRowConstraints().add(row);
        }
        for (int slot = 0; slot < k; slot++) {
            ResponseCard node = new ResponseCard(slot, viewModel);
            nodes.add(node);
            add(node, slot % columns, slot / columns);
        }
    }
}

package org.rlhfworkbench.ui.label;

import javafx.scene.Node;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.DragEvent;
import javafx.scene.input.Dragboard;
import javafx.scene.input.TransferMode;

/**
 * Drag and drop between cards, the mouse twin of the number keys: drop a card on another to put
 * it directly above that card's rank, on the other card's "=" zone to tie them.
 */
final class CardDragAndDrop {
    private static final String PREFIX = "rlhf-card:";

    private CardDragAndDrop() {
    }

    static void makeDraggable(Node handle, int slot) {
        handle.setOnDragDetected(event -> {
            Dragboard board = handle.startDragAndDrop(TransferMode.MOVE);
            ClipboardContent content = new ClipboardContent();
            content.putString(PREFIX + slot);
            board.setContent(content);
            event.consume();
        });
    }

    /** Accepts drops of other cards on {@code target}; {@code tie} chooses tie over "above". */
    static void acceptDrops(Node target, int slot, boolean tie, LabelViewModel viewModel) {
        target.setOnDragOver(event -> {
            int dragged = draggedSlot(event);
            if (dragged >= 0 && dragged != slot) {
                event.acceptTransferModes(TransferMode.MOVE);
            }
            event.consume();
        });
        target.setOnDragDropped(event -> {
            int dragged = draggedSlot(event);
            if (dragged >= 0 && dragged != slot) {
                viewModel.drop(dragged, slot, tie);
            }
            event.setDropCompleted(dragged >= 0);
            event.consume();
        });
    }

    /** The slot of the card being dragged, or -1 when the drag is something else. */
    static int draggedSlot(DragEvent event) {
        String text = event.getDragboard().hasString() ? event.getDragboard().getString() : null;
        if (text == null || !text.startsWith(PREFIX)) {
            return -1;
        }
        try {
            return Integer.parseInt(text.substring(PREFIX.length()));
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}

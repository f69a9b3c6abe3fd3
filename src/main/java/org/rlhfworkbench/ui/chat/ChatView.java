package org.rlhfworkbench.ui.chat;

import javafx.beans.Observable;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.rlhfworkbench.core.Conversation;
import org.rlhfworkbench.core.ModelEntry;
import org.rlhfworkbench.ui.charts.Pulse;
import org.rlhfworkbench.ui.evaluate.ArenaView;

/**
 * The Chat tab: conversations and settings on the left, the shown path of the conversation tree
 * in the middle, the message box below; the ranking panel (after a regenerate) on the right and
 * the correction editor above the message box. Enter sends, Shift+Enter is a new line, Esc stops.
 * Outside the text boxes: ↑/↓ select an assistant turn, ←/→ its branches, G regenerate, E edit,
 * +/- thumbs, F flag, D save as demonstration, 1-9 rank alternatives, Enter store the ranking.
 */
public final class ChatView extends BorderPane {
    public static final String KEYS = "Enter send · Shift+Enter new line · Esc stop · ↑/↓ turn · ←/→ branch · G regenerate K"
            + " · 1-9 rank · Enter store ranking · E edit · +/- thumbs · F flag · D save as demonstration";
    private final ChatViewModel vm;
    private final VBox path = new VBox(8);
    private final TextArea input = new TextArea();

    public ChatView(ChatViewModel vm) {
        this.vm = vm;
        setId("chatView");
        java.net.URL css = ChatView.class.getResource(ArenaView.STYLESHEET);
        if (css != null) {
            getStylesheets().add(css.toExternalForm());
        }
        setLeft(sidebar());
        path.setPadding(new Insets(10));
        ScrollPane scroll = new ScrollPane(path);
        scroll.setFitToWidth(true);
        scroll.setId("chatScroll");
        path.heightProperty().addListener((o, a, b) -> scroll.setVvalue(1));
        setCenter(scroll);
        setRight(rankingPanel());
        setBottom(composer());
        vm.turns().addListener((Observable o) -> rebuild());
        vm.selectedProperty().addListener((o, a, b) -> rebuild());
        addEventFilter(KeyEvent.KEY_PRESSED, this::onKey);
        setOnMousePressed(e -> {
            if (!(e.getTarget() instanceof Node n && insideText(n))) {
                requestFocus();
            }
        });
        setFocusTraversable(true);
        Pulse.whileShown(this, vm::onPulse);
    }

    private VBox sidebar() {
        ChatSettings s = vm.settings();
        ListView<Conversation> list = new ListView<>(vm.conversations());
        list.setId("chatConversations");
        list.setPrefHeight(260);
        list.setCellFactory(v -> new javafx.scene.control.ListCell<>() {
            @Override
            protected void updateItem(Conversation c, boolean empty) {
                super.updateItem(c, empty);
                setText(empty || c == null ? null : c.title());
            }
        });
        list.getSelectionModel().selectedItemProperty().addListener((o, a, c) -> {
            if (c != null && c != vm.conversationProperty().get()) {
                vm.select(c);
            }
        });
        Button fresh = new Button("New chat");
        fresh.setId("chatNew");
        fresh.setOnAction(e -> vm.newConversation());
        ChoiceBox<ModelEntry> model = new ChoiceBox<>(s.models());
        model.setId("chatModel");
        model.valueProperty().bindBidirectional(s.modelProperty());
        model.setConverter(new StringConverter<>() {
            @Override
            public String toString(ModelEntry m) {
                return m == null ? "" : "#" + m.id() + " " + m.name() + " (" + m.kind().dbName() + ")";
            }

            @Override
            public ModelEntry fromString(String t) {
                return null;
            }
        });
        TextArea system = new TextArea();
        system.setId("chatSystem");
        system.setPromptText("System prompt (optional, for new chats)");
        system.setPrefRowCount(3);
        system.setWrapText(true);
        system.textProperty().bindBidirectional(s.systemPromptProperty());
        Spinner<Double> temperature = new Spinner<>(0.0, 2.0, s.temperatureProperty().get(), 0.1);
        temperature.getValueFactory().valueProperty().bindBidirectional(s.temperatureProperty());
        Spinner<Integer> maxNew = new Spinner<>(1, 4096, s.maxNewTokensProperty().get());
        maxNew.getValueFactory().valueProperty().bindBidirectional(s.maxNewTokensProperty());
        Spinner<Integer> k = new Spinner<>(1, 8, s.kProperty().get());
        k.setId("chatK");
        k.getValueFactory().valueProperty().bindBidirectional(s.kProperty());
        for (Spinner<?> sp : new Spinner<?>[] {temperature, maxNew, k}) {
            sp.setEditable(true);
            sp.setPrefWidth(90);
        }
        VBox box = new VBox(6, new Label("Conversations"), list, fresh, new Label("Model"), model, system,
                row("Temperature", temperature), row("Max new tokens", maxNew), row("Alternatives K", k));
        box.setPadding(new Insets(10));
        box.setPrefWidth(280);
        return box;
    }

    private static HBox row(String label, Node control) {
        Label l = new Label(label);
        l.setPrefWidth(110);
        HBox h = new HBox(6, l, control);
        h.setAlignment(Pos.CENTER_LEFT);
        return h;
    }

    private VBox rankingPanel() {
        Alternatives alts = vm.alternatives();
        VBox items = new VBox(6);
        alts.items().addListener((Observable o) -> {
            items.getChildren().clear();
            for (AltItem a : alts.items()) {
                Label badge = new Label();
                badge.setId("altRank-" + a.number());
                badge.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() ->
                        a.rankProperty().get() == null ? "unranked" : "rank " + a.rankProperty().get(), a.rankProperty()));
                Label text = new Label();
                text.setWrapText(true);
                text.textProperty().bind(a.textProperty());
                VBox card = new VBox(2, new HBox(8, new Label("(" + a.number() + ")" + (a.number() == 1 ? " shown" : "")),
                        badge), text);
                card.getStyleClass().add("chat-assistant");
                items.getChildren().add(card);
            }
        });
        Button save = new Button("Store ranking (Enter)");
        save.setId("chatSaveRanking");
        save.setOnAction(e -> vm.saveRanking());
        Button cancel = new Button("Close");
        cancel.setOnAction(e -> alts.openProperty().set(false));
        Label title = new Label("Rank the answers: press their numbers, best first");
        title.setWrapText(true);
        title.setStyle("-fx-font-weight: bold;");
        ScrollPane scroll = new ScrollPane(items);
        scroll.setFitToWidth(true);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        VBox panel = new VBox(8, title, scroll, new HBox(6, save, cancel));
        panel.setId("chatRanking");
        panel.setPadding(new Insets(10));
        panel.setPrefWidth(340);
        panel.visibleProperty().bind(alts.openProperty());
        panel.managedProperty().bind(panel.visibleProperty());
        return panel;
    }

    private VBox composer() {
        TextArea edit = new TextArea();
        edit.setId("chatEdit");
        edit.setWrapText(true);
        edit.setPrefRowCount(3);
        edit.textProperty().bindBidirectional(vm.editTextProperty());
        Button saveEdit = new Button("Store correction");
        saveEdit.setOnAction(e -> vm.saveEdit());
        Button cancelEdit = new Button("Cancel");
        cancelEdit.setOnAction(e -> vm.cancelEdit());
        VBox editor = new VBox(4, new Label("Correct the selected answer (stored as a demonstration and a new branch)"),
                edit, new HBox(6, saveEdit, cancelEdit));
        editor.visibleProperty().bind(vm.editingProperty());
        editor.managedProperty().bind(editor.visibleProperty());

        input.setId("chatInput");
        input.setPromptText("Message the model (Enter to send, Esc to stop)");
        input.setWrapText(true);
        input.setPrefRowCount(2);
        input.textProperty().bindBidirectional(vm.inputProperty());
        HBox.setHgrow(input, Priority.ALWAYS);
        Button send = new Button("Send");
        send.setId("chatSend");
        send.disableProperty().bind(vm.generatingProperty());
        send.setOnAction(e -> vm.send());
        Button stop = new Button("Stop (Esc)");
        stop.setId("chatStop");
        stop.disableProperty().bind(vm.generatingProperty().not());
        stop.setOnAction(e -> vm.stop());
        Label status = new Label();
        status.setId("chatStatus");
        status.textProperty().bind(vm.statusProperty());
        Label keys = new Label(KEYS);
        keys.setWrapText(true);
        keys.getStyleClass().add("arena-help");
        VBox box = new VBox(6, editor, new HBox(6, input, new VBox(6, send, stop)), status, keys);
        box.setPadding(new Insets(8, 10, 10, 10));
        return box;
    }

    private void rebuild() {
        path.getChildren().clear();
        for (int i = 0; i < vm.turns().size(); i++) {
            path.getChildren().add(new TurnBubble(vm, vm.turns().get(i), i, i == vm.selectedProperty().get()));
        }
    }

    private void onKey(KeyEvent e) {
        KeyCode code = e.getCode();
        Node focus = getScene() == null ? null : getScene().getFocusOwner();
        if (code == KeyCode.ESCAPE) {
            if (vm.generatingProperty().get()) {
                vm.stop();
            } else if (vm.editingProperty().get()) {
                vm.cancelEdit();
            } else {
                vm.alternatives().openProperty().set(false);
            }
            requestFocus();
            e.consume();
            return;
        }
        if (focus == input) {
            if (code == KeyCode.ENTER && !e.isShiftDown()) {
                vm.send();
                e.consume();
            }
            return;
        }
        if (focus != null && insideText(focus)) {
            return;
        }
        if (handle(code)) {
            e.consume();
        }
    }

    private boolean handle(KeyCode code) {
        if (vm.alternatives().openProperty().get()) {
            int digit = digit(code);
            if (digit > 0) {
                vm.alternatives().rankNext(digit);
                return true;
            }
            if (code == KeyCode.ENTER) {
                vm.saveRanking();
                return true;
            }
        }
        switch (code) {
            case UP -> vm.moveSelection(-1);
            case DOWN -> vm.moveSelection(1);
            case LEFT -> vm.switchBranch(vm.selectedProperty().get(), -1);
            case RIGHT -> vm.switchBranch(vm.selectedProperty().get(), 1);
            case G -> vm.regenerate();
            case E -> vm.edit();
            case PLUS, ADD, EQUALS -> vm.feedback().thumbs(true);
            case MINUS, SUBTRACT -> vm.feedback().thumbs(false);
            case F -> vm.feedback().flag(null);
            case D -> vm.feedback().saveDemonstration();
            default -> {
                return false;
            }
        }
        return true;
    }

    /** 1-9 for the digit keys (top row or keypad), else 0. */
    static int digit(KeyCode code) {
        if (code.compareTo(KeyCode.DIGIT1) >= 0 && code.compareTo(KeyCode.DIGIT9) <= 0) {
            return code.ordinal() - KeyCode.DIGIT0.ordinal();
        }
        if (code.compareTo(KeyCode.NUMPAD1) >= 0 && code.compareTo(KeyCode.NUMPAD9) <= 0) {
            return code.ordinal() - KeyCode.NUMPAD0.ordinal();
        }
        return 0;
    }

    private static boolean insideText(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (n instanceof TextInputControl t && t.isEditable()) {
                return true;
            }
        }
        return false;
    }
}

package org.rlhfworkbench.ui.chat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.rlhfworkbench.core.ChatTurn;
import org.rlhfworkbench.core.Conversation;
import org.rlhfworkbench.core.ModelEntry;
import org.rlhfworkbench.jobs.BackgroundExecutor;
import org.rlhfworkbench.jobs.chat.ChatService;
import org.rlhfworkbench.jobs.chat.ChatTree;
import org.rlhfworkbench.jobs.eval.Sampling;
import org.rlhfworkbench.jobs.label.ResponseStream;
import org.rlhfworkbench.ui.evaluate.AnswerBuffer;

/**
 * The chat's state; holds no nodes. The shown path runs through the conversation tree, at each
 * fork along the branch chosen (else the newest). Replies stream into the path (or, for
 * regenerated alternatives, into the ranking panel) and become stored turns when complete. Every
 * service call goes through the {@link BackgroundExecutor}.
 */
public final class ChatViewModel {
    private record Stream(AnswerBuffer buffer, StringProperty target) {
    }

    private final BackgroundExecutor executor;
    private final Supplier<ChatService> services;
    private final ChatSettings settings = new ChatSettings();
    private final TurnFeedback feedback = new TurnFeedback(this);
    private final ObservableList<Conversation> conversations = FXCollections.observableArrayList();
    private final ObjectProperty<Conversation> conversation = new SimpleObjectProperty<>(this, "conversation");
    private final StringProperty input = new SimpleStringProperty(this, "input", "");
    private final BooleanProperty generating = new SimpleBooleanProperty(this, "generating");
    private final ObservableList<TurnItem> turns = FXCollections.observableArrayList();
    private final IntegerProperty selected = new SimpleIntegerProperty(this, "selected", -1);
    private final Alternatives alternatives = new Alternatives();
    private final BooleanProperty editing = new SimpleBooleanProperty(this, "editing");
    private final StringProperty editText = new SimpleStringProperty(this, "editText", "");
    private final StringProperty status = new SimpleStringProperty(this, "status", "");
    private final List<Stream> streams = new ArrayList<>();
    private final Map<Long, Long> chosen = new HashMap<>();
    private ChatService service;
    private ChatTree tree;

    public ChatViewModel(BackgroundExecutor executor, Supplier<ChatService> services) {
        this.executor = executor;
        this.services = services;
    }

    /** A project opened: a new service for it, its models and conversations. */
    public void projectChanged() {
        close();
        run("open chat", () -> {
            ChatService s = services.get();
            return new Object[] {s, s.models(), s.conversations()};
        }, r -> {
            service = (ChatService) r[0];
            @SuppressWarnings("unchecked") List<ModelEntry> ms = (List<ModelEntry>) r[1];
            @SuppressWarnings("unchecked") List<Conversation> cs = (List<Conversation>) r[2];
            settings.setModels(ms);
            conversations.setAll(cs);
            status.set(ms.isEmpty() ? "The project has no model to talk to yet." : "");
        });
    }

    public void newConversation() {
        ChatService s = service;
        Long m = settings.modelProperty().get() == null ? null : settings.modelProperty().get().id();
        String system = settings.systemPromptProperty().get();
        run("new conversation", () -> {
            long id = s.create(null, m, system);
            return s.conversations().stream().filter(c -> c.id() == id).findFirst().orElseThrow();
        }, c -> {
            conversations.add(0, c);
            select(c);
        });
    }

    /** Opens a stored conversation (its newest branches shown). */
    public void select(Conversation c) {
        conversation.set(c);
        chosen.clear();
        alternatives.openProperty().set(false);
        reload(null);
    }

    /** Sends the typed message after the last shown turn; the reply streams in. */
    public void send() {
        String text = input.get();
        if (text == null || text.isBlank() || generating.get() || settings.modelProperty().get() == null) {
            return;
        }
        if (conversation.get() == null) {
            ChatService s = service;
            String system = settings.systemPromptProperty().get();
            long m = settings.modelProperty().get().id();
            run("new conversation", () -> {
                long id = s.create(null, m, system);
                return s.conversations();
            }, cs -> {
                conversations.setAll(cs);
                conversation.set(cs.get(0));
                chosen.clear();
                sendTo(text, null);
            });
            return;
        }
        Long parent = turns.stream().filter(t -> t.turn() != null).reduce((a, b) -> b).map(t -> t.turn().id()).orElse(null);
        sendTo(text, parent);
    }

    private void sendTo(String text, Long parent) {
        ChatService s = service;
        long cid = conversation.get().id();
        long m = settings.modelProperty().get().id();
        Sampling sampling = settings.sampling();
        input.set("");
        generating.set(true);
        turns.add(new TurnItem(null, "user", text.strip(), 1, 1));
        TurnItem reply = new TurnItem(null, "assistant", "", 1, 1);
        turns.add(reply);
        run("send chat message", () -> s.send(cid, parent, text, m, sampling, 1), list -> stream(list, List.of(reply.textProperty())),
                e -> {
                    generating.set(false);
                    reload(null);
                });
    }

    /** Esc: stops the reply being generated; what it said so far is kept. */
    public void stop() {
        if (generating.get() && service != null) {
            ChatService s = service;
            run("stop chat reply", () -> {
                s.stop();
                return null;
            }, x -> status.set("Stopped."));
        }
    }

    /** K alternatives to the selected assistant turn, streamed into the ranking panel beside the original. */
    public void regenerate() {
        TurnItem t = selectedTurn();
        if (t == null || generating.get() || settings.modelProperty().get() == null) {
            return;
        }
        ChatService s = service;
        int count = settings.kProperty().get();
        long m = settings.modelProperty().get().id();
        Sampling sampling = settings.sampling();
        alternatives.open(t, tree.siblings(t.turn().id()).stream().map(ChatTurn::id).collect(Collectors.toSet()), count);
        chosen.put(t.turn().parentId() == null ? 0L : t.turn().parentId(), t.turn().id());   // keep it shown while ranking
        generating.set(true);
        run("regenerate chat turn", () -> s.regenerate(t.turn().id(), m, sampling, count),
                list -> stream(list, alternatives.added().stream().map(AltItem::textProperty).toList()),
                e -> generating.set(false));
    }

    /** Stores the ranking of the alternatives (unranked ones below every ranked one): prompt = the conversation so far. */
    public void saveRanking() {
        if (!alternatives.openProperty().get() || generating.get() || !alternatives.anyRanked()) {
            status.set(generating.get() ? "Wait for the alternatives to finish." : "Rank with the number keys first.");
            return;
        }
        Map<Long, Integer> ranks = alternatives.ranks();
        call("rank chat alternatives", s -> s.rank(ranks), id -> {
            alternatives.openProperty().set(false);
            status.set("Ranking stored: " + ranks.size() + " answers, the conversation so far as prompt.");
        });
    }

    /** Shows another branch at the place of turn {@code index} ({@code delta} -1 or +1). */
    public void switchBranch(int index, int delta) {
        if (index < 0 || index >= turns.size() || turns.get(index).turn() == null || generating.get()) {
            return;
        }
        ChatTurn t = turns.get(index).turn();
        List<ChatTurn> sib = tree.siblings(t.id());
        int pos = sib.indexOf(tree.turn(t.id())) + delta;
        if (pos >= 0 && pos < sib.size()) {
            chosen.put(t.parentId() == null ? 0L : t.parentId(), sib.get(pos).id());
            show(index);
        }
    }

    public void edit() {
        TurnItem t = selectedTurn();
        if (t != null && !generating.get()) {
            editText.set(t.textProperty().get());
            editing.set(true);
        }
    }

    /** The corrected answer: a demonstration and a new branch, shown. */
    public void saveEdit() {
        TurnItem t = selectedTurn();
        if (t == null || !editing.get()) {
            return;
        }
        String text = editText.get();
        ChatService s = service;
        run("correct chat turn", () -> s.correct(t.turn().id(), text), id -> {
            editing.set(false);
            status.set("Correction stored as a demonstration and as a new branch.");
            reload(id);
        });
    }

    public void cancelEdit() {
        editing.set(false);
    }

    /** Moves the selection to the previous (-1) or next (+1) assistant turn. */
    public void moveSelection(int delta) {
        for (int i = selected.get() + delta; i >= 0 && i < turns.size(); i += delta) {
            if (turns.get(i).isAssistant() && turns.get(i).turn() != null) {
                selected.set(i);
                return;
            }
        }
    }

    /** One animation pulse: streamed text into its place; when every reply is done, the stored tree. */
    public void onPulse() {
        if (streams.isEmpty()) {
            return;
        }
        boolean all = true;
        for (Stream s : streams) {
            String t = s.buffer().drain();
            if (!t.isEmpty()) {
                s.target().set(s.target().get() + t);
            }
            all &= s.buffer().done() || s.buffer().error() != null;
            if (s.buffer().error() != null && !"stopped".equals(s.buffer().error())) {
                status.set("Generation failed: " + s.buffer().error());
            }
        }
        if (all) {
            streams.clear();
            generating.set(false);
            reload(null);
        }
    }

    public void close() {
        ChatService s = service;
        service = null;
        streams.clear();
        generating.set(false);
        if (s != null) {
            run("close chat", () -> {
                s.close();
                return null;
            }, x -> { });
        }
    }

    private void stream(List<ResponseStream> list, List<StringProperty> targets) {
        for (int i = 0; i < list.size(); i++) {
            AnswerBuffer b = new AnswerBuffer();
            list.get(i).listen(b);
            streams.add(new Stream(b, targets.get(i)));
        }
    }

    /** Reads the tree again; {@code show} (a new turn id) becomes the chosen branch at its place. */
    private void reload(Long show) {
        Conversation c = conversation.get();
        if (c == null || service == null) {
            return;
        }
        ChatService s = service;
        run("open conversation", () -> new Object[] {s.open(c.id()), s.conversations()}, r -> {
            ChatTree t = (ChatTree) r[0];
            tree = t;
            @SuppressWarnings("unchecked") List<Conversation> cs = (List<Conversation>) r[1];
            if (!cs.equals(conversations)) {
                conversations.setAll(cs);   // a first message names the conversation
            }
            if (show != null) {
                ChatTurn turn = t.turn(show);
                chosen.put(turn.parentId() == null ? 0L : turn.parentId(), show);
            }
            show(-1);
            alternatives.attach(t);
        });
    }

    private void show(int keepSelected) {
        List<ChatTurn> path = tree.path(chosen);
        List<TurnItem> items = new ArrayList<>();
        for (ChatTurn t : path) {
            List<ChatTurn> sib = tree.siblings(t.id());
            items.add(new TurnItem(t, t.role(), t.content(), sib.indexOf(t) + 1, sib.size()));
        }
        turns.setAll(items);
        selected.set(keepSelected >= 0 && keepSelected < items.size() ? keepSelected : items.size());
        if (keepSelected < 0 || keepSelected >= items.size()) {
            moveSelection(-1);   // the newest assistant turn
        }
    }

    /** Reads the stored tree again and shows it. */
    void refresh() {
        reload(null);
    }

    /** Runs {@code work} with the open service on the background executor. */
    <T> void call(String name, java.util.function.Function<ChatService, T> work, Consumer<T> done) {
        ChatService s = service;
        run(name, () -> work.apply(s), done);
    }

    TurnItem selectedTurn() {
        int i = selected.get();
        return i >= 0 && i < turns.size() && turns.get(i).isAssistant() && turns.get(i).turn() != null ? turns.get(i) : null;
    }

    private <T> void run(String name, Callable<T> work, Consumer<T> done) {
        run(name, work, done, e -> { });
    }

    private <T> void run(String name, Callable<T> work, Consumer<T> done, Consumer<Throwable> failed) {
        if (service == null && !name.equals("open chat")) {
            status.set("No project open.");
            return;
        }
        executor.submit(name, work, done, e -> {
            status.set(name + " failed: " + e.getMessage());
            failed.accept(e);
        });
    }

    // ---- properties ----

    public ChatSettings settings() {
        return settings;
    }

    public TurnFeedback feedback() {
        return feedback;
    }

    public ObservableList<Conversation> conversations() {
        return conversations;
    }

    public ObjectProperty<Conversation> conversationProperty() {
        return conversation;
    }

    public StringProperty inputProperty() {
        return input;
    }

    public BooleanProperty generatingProperty() {
        return generating;
    }

    public ObservableList<TurnItem> turns() {
        return turns;
    }

    public IntegerProperty selectedProperty() {
        return selected;
    }

    public Alternatives alternatives() {
        return alternatives;
    }

    public BooleanProperty editingProperty() {
        return editing;
    }

    public StringProperty editTextProperty() {
        return editText;
    }

    public StringProperty statusProperty() {
        return status;
    }
}

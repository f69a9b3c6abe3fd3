package org.rlhfworkbench.jobs.chat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import org.rlhfworkbench.core.ChatTurn;
import org.rlhfworkbench.core.Conversation;
import org.rlhfworkbench.core.DemonstrationSource;
import org.rlhfworkbench.core.Generation;
import org.rlhfworkbench.core.Message;
import org.rlhfworkbench.core.ModelEntry;
import org.rlhfworkbench.core.ModelKind;
import org.rlhfworkbench.core.Prompt;
import org.rlhfworkbench.core.Ranking;
import org.rlhfworkbench.core.RankingEntry;
import org.rlhfworkbench.core.RankingStatus;
import org.rlhfworkbench.jobs.eval.ModelInput;
import org.rlhfworkbench.jobs.eval.ModelWorker;
import org.rlhfworkbench.jobs.eval.Sampling;
import org.rlhfworkbench.jobs.label.LiveResponse;
import org.rlhfworkbench.jobs.label.ResponseGenerator;
import org.rlhfworkbench.jobs.label.ResponseStream;
import org.rlhfworkbench.lm.LanguageModel;
import org.rlhfworkbench.lm.LanguageModels;
import org.rlhfworkbench.lm.sample.SamplingParams;
import org.rlhfworkbench.store.Project;

/**
 * {@link ChatService} over an open project. Replies are sampled on one {@link ModelWorker}
 * thread; each completed reply is a generation row and an assistant turn, written together in
 * one transaction. The caller owns the project: close this first.
 */
public final class ProjectChatService implements ChatService {
    public static final String PROMPT_SOURCE = "chat";
    public static final String NEW_TITLE = "New chat";

    private final Project project;
    private final ModelWorker worker;
    private final AtomicLong seeds = new AtomicLong(System.nanoTime());

    public ProjectChatService(Project project) {
        this(project, LanguageModels::load);
    }

    public ProjectChatService(Project project, Function<Path, LanguageModel> loader) {
        this.project = project;
        this.worker = new ModelWorker(project, loader, "chat-generator");
    }

    @Override
    public List<ModelEntry> models() {
        return project.models().all().stream().filter(m -> m.kind() != ModelKind.REWARD).toList();
    }

    @Override
    public List<Conversation> conversations() {
        return project.conversations().all();
    }

    @Override
    public long create(String title, Long modelId, String systemPrompt) {
        return project.conversations().add(title == null || title.isBlank() ? NEW_TITLE : title, modelId,
                systemPrompt == null || systemPrompt.isBlank() ? null : systemPrompt.strip());
    }

    @Override
    public ChatTree open(long conversationId) {
        Conversation c = project.conversations().get(conversationId);
        if (c == null) {
            throw new IllegalArgumentException("no conversation " + conversationId + " in " + project.dir());
        }
        return new ChatTree(c, project.conversations().turns(conversationId));
    }

    @Override
    public List<ResponseStream> send(long conversationId, Long parentTurnId, String userText, long modelId, Sampling s,
                                     int k) {
        if (userText == null || userText.isBlank()) {
            throw new IllegalArgumentException("type a message first");
        }
        long user = project.conversations().addTurn(new ChatTurn(0, conversationId, parentTurnId, "user", userText.strip(),
                null, null, null, false, null));
        Conversation c = project.conversations().get(conversationId);
        if (NEW_TITLE.equals(c.title())) {
            String line = userText.strip().replaceAll("\\s+", " ");
            project.conversations().rename(conversationId, line.length() <= 48 ? line : line.substring(0, 47) + "…");
        }
        return reply(conversationId, user, null, modelId, s, k);
    }

    @Override
    public List<ResponseStream> regenerate(long assistantTurnId, long modelId, Sampling s, int k) {
        ChatTurn t = assistant(assistantTurnId);
        return reply(t.conversationId(), t.parentId(), t.promptId(), modelId, s, k);
    }

    /** Starts k replies to the conversation down to {@code parentId}; its prompt row is made unless given. */
    private List<ResponseStream> reply(long conversationId, Long parentId, Long promptId, long modelId, Sampling s, int k) {
        if (k < 1 || k > 9) {
            throw new IllegalArgumentException("K must be 1..9, was " + k);
        }
        Prompt prompt = promptId != null ? project.prompts().get(promptId) : conversationPrompt(conversationId, parentId);
        List<LiveResponse> outs = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            outs.add(new LiveResponse(i));
        }
        long seed = seeds.incrementAndGet();
        worker.submit(new ModelWorker.Job() {
            @Override
            public void run(ModelWorker.Models models, BooleanSupplier cancelled) {
                sample(models.get(modelId), conversationId, parentId, prompt, modelId, s, seed, outs, cancelled);
            }

            @Override
            public void fail(String message) {
                outs.forEach(o -> o.fail(message));
            }
        });
        return List.copyOf(outs);
    }

    private Prompt conversationPrompt(long conversationId, Long parentId) {
        List<Message> messages = open(conversationId).messagesUpTo(parentId);
        String last = messages.isEmpty() ? "" : messages.get(messages.size() - 1).content();
        long id = project.prompts().add(last, messages, PROMPT_SOURCE);
        return project.prompts().get(id);
    }

    private void sample(LanguageModel lm, long conversationId, Long parentId, Prompt prompt, long modelId, Sampling s,
                        long seed, List<LiveResponse> outs, BooleanSupplier cancelled) {
        ResponseGenerator generator = new ResponseGenerator(lm, cancelled);
        org.rlhfworkbench.jobs.label.PromptFormat format = ModelInput.format(project);
        SamplingParams params = new SamplingParams(s.temperature(), 0, s.topP(), s.maxNewTokens(), seed,
                generator.stopIds(format));
        String template = ModelInput.template(project);
        try {
            generator.generate(List.of(prompt), format, outs.size(), params,
                    new ResponseGenerator.Sink() {
                        @Override
                        public void onText(int p, int index, String delta) {
                            outs.get(index).append(delta);
                        }

                        @Override
                        public void onDone(int p, int index, String text, int tokenCount) {
                            store(conversationId, parentId, prompt, modelId, text, tokenCount,
                                    ResponseGenerator.samplingJson(params, outs.size(), template, index), outs.get(index));
                        }
                    });
        } catch (CancellationException e) {
            for (LiveResponse o : outs) {   // Esc: keep what was said so far
                if (!o.done() && !o.text().isBlank()) {
                    store(conversationId, parentId, prompt, modelId, o.text().strip(), 0,
                            ResponseGenerator.samplingJson(params, outs.size(), template, o.slot()), o);
                }
            }
            throw e;
        }
    }

    private void store(long conversationId, Long parentId, Prompt prompt, long modelId, String text, int tokens,
                       String samplingJson, LiveResponse out) {
        long generation = project.db().inTransaction(() -> {
            long g = project.generations().add(new Generation(0, prompt.id(), text, tokens, modelId, "model", null,
                    samplingJson));
            project.conversations().addTurn(new ChatTurn(0, conversationId, parentId, "assistant", text, modelId,
                    prompt.id(), g, false, null));
            return g;
        });
        out.complete(generation, tokens);
    }

    @Override
    public long rank(Map<Long, Integer> ranksByTurn) {
        List<RankingEntry> entries = new ArrayList<>();
        List<Long> shown = new ArrayList<>();
        Long promptId = null;
        for (Map.Entry<Long, Integer> e : ranksByTurn.entrySet()) {
            ChatTurn t = assistant(e.getKey());
            if (promptId != null && !promptId.equals(t.promptId())) {
                throw new IllegalArgumentException("turns " + ranksByTurn.keySet() + " do not answer the same conversation");
            }
            promptId = t.promptId();
            entries.add(new RankingEntry(t.generationId(), e.getValue()));
            shown.add(t.generationId());
        }
        if (entries.size() < 2) {
            throw new IllegalArgumentException("rank two or more answers");
        }
        return project.rankings().add(new Ranking(0, promptId, RankingStatus.RANKED, "chat", ANNOTATOR, entries, shown));
    }

    @Override
    public long correct(long assistantTurnId, String text) {
        ChatTurn t = assistant(assistantTurnId);
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("the corrected answer is empty");
        }
        return project.db().inTransaction(() -> {
            long g = project.generations().add(new Generation(0, t.promptId(), text.strip(), null, null, "correction", null,
                    null));
            project.demonstrations().add(t.promptId(), text.strip(), DemonstrationSource.CORRECTION, t.generationId());
            return project.conversations().addTurn(new ChatTurn(0, t.conversationId(), t.parentId(), "assistant",
                    text.strip(), null, t.promptId(), g, false, null));
        });
    }

    @Override
    public void rate(long assistantTurnId, String criterion, int value) {
        project.ratings().add(assistant(assistantTurnId).generationId(), criterion, value, ANNOTATOR);
    }

    @Override
    public void flag(long turnId, boolean flagged, String note) {
        project.conversations().flag(turnId, flagged, note == null || note.isBlank() ? null : note.strip());
    }

    @Override
    public long saveDemonstration(long assistantTurnId) {
        ChatTurn t = assistant(assistantTurnId);
        return project.demonstrations().add(t.promptId(), t.content(), DemonstrationSource.WRITTEN, null);
    }

    @Override
    public void stop() {
        worker.stopCurrent();
    }

    @Override
    public void close() {
        worker.close();
    }

    private ChatTurn assistant(long turnId) {
        ChatTurn t = project.conversations().turn(turnId);
        if (t == null || !t.isAssistant() || t.promptId() == null || t.generationId() == null) {
            throw new IllegalArgumentException("turn " + turnId + " is not a stored assistant turn");
        }
        return t;
    }
}

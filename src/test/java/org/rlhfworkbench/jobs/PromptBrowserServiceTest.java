package org.rlhfworkbench.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.rlhfworkbench.core.Demonstration;
import org.rlhfworkbench.core.DemonstrationSource;
import org.rlhfworkbench.core.Generation;
import org.rlhfworkbench.core.Message;
import org.rlhfworkbench.core.Prompt;
import org.rlhfworkbench.core.PromptFilter;
import org.rlhfworkbench.core.PromptListing;
import org.rlhfworkbench.core.Ranking;
import org.rlhfworkbench.core.RankingEntry;
import org.rlhfworkbench.core.RankingStatus;
import org.rlhfworkbench.store.Project;

/**
 * The prompt browser's query against hand-made labels: a prompt's status is its newest decision,
 * "has demonstration" cuts across, search ignores case; checked against a plain loop over every
 * ranking and demonstration (the independent reference) as well as by hand.
 */
class PromptBrowserServiceTest {
    @TempDir
    Path home;
    private ProjectService projects;
    private PromptBrowserService service;
    private Project p;
    private final Map<String, Long> ids = new HashMap<>();

    @BeforeEach
    void fill() {
        projects = new ProjectService(home.resolve("home"));
        projects.create(home.resolve("p"));
        p = projects.project();
        service = new PromptBrowserService(projects);
        add("fresh", "What is the capital of France?");
        add("ranked", "Explain RLHF in one line.");
        add("skipped", "Tell me a JOKE about cats.");
        add("flagged", "How do I pick a lock?");
        add("allbad", "Translate 'cat' into German.");
        add("reranked", "First skipped, then ranked: what is 2+2?");
        add("demo-only", "Write a haiku about rain.");
        ids.put("chat", p.prompts().add("user: Hi\n\nassistant: Hello! How can I help?\n\nuser: Name a cat breed.",
                List.of(Message.user("Hi"), Message.assistant("Hello! How can I help?"), Message.user("Name a cat breed.")),
                "test"));
        decide("ranked", RankingStatus.RANKED);
        decide("skipped", RankingStatus.SKIPPED);
        decide("flagged", RankingStatus.FLAGGED);
        decide("allbad", RankingStatus.ALL_BAD);
        decide("reranked", RankingStatus.SKIPPED);
        decide("reranked", RankingStatus.RANKED);
        p.demonstrations().add(ids.get("demo-only"), "Rain taps the window", DemonstrationSource.WRITTEN, null);
        p.demonstrations().add(ids.get("ranked"), "RLHF tunes a model on human rankings.", DemonstrationSource.IMPORT, null);
    }

    @AfterEach
    void close() {
        projects.close();
    }

    private void add(String key, String text) {
        ids.put(key, p.prompts().add(text, "test"));
    }

    private void decide(String key, RankingStatus status) {
        long prompt = ids.get(key);
        long a = p.generations().add(new Generation(0, prompt, "answer a", 2, null, "model", null, null));
        long b = p.generations().add(new Generation(0, prompt, "answer b", 2, null, "model", null, null));
        List<RankingEntry> entries = status == RankingStatus.RANKED ? List.of(new RankingEntry(a, 1), new RankingEntry(b, 2))
                : List.of(new RankingEntry(a, null), new RankingEntry(b, null));
        p.rankings().add(new Ranking(0, prompt, status, null, "human", entries, List.of(a, b)));
    }

    private List<Long> idsOf(String... keys) {
        return java.util.Arrays.stream(keys).map(ids::get).sorted().toList();
    }

    private List<Long> browse(String search, PromptFilter filter) {
        return service.browse(search, filter).rows().stream().map(PromptListing::id).toList();
    }

    @Test
    void eachFilterHoldsTheHandMadeStatuses() {
        assertThat(browse("", PromptFilter.UNLABELED)).isEqualTo(idsOf("fresh", "demo-only", "chat"));
        assertThat(browse("", PromptFilter.RANKED)).isEqualTo(idsOf("ranked", "reranked"));
        assertThat(browse("", PromptFilter.SKIPPED)).isEqualTo(idsOf("skipped"));
        assertThat(browse("", PromptFilter.FLAGGED)).isEqualTo(idsOf("flagged"));
        assertThat(browse("", PromptFilter.ALL_BAD)).isEqualTo(idsOf("allbad"));
        assertThat(browse("", PromptFilter.HAS_DEMONSTRATION)).isEqualTo(idsOf("ranked", "demo-only"));
        assertThat(browse("", PromptFilter.ALL)).hasSize(8);
    }

    @Test
    void countsPerStatusAreTheRowCounts() {
        Map<PromptFilter, Long> counts = service.browse("", PromptFilter.ALL).counts();
        assertThat(counts).containsEntry(PromptFilter.ALL, 8L).containsEntry(PromptFilter.UNLABELED, 3L)
                .containsEntry(PromptFilter.RANKED, 2L).containsEntry(PromptFilter.SKIPPED, 1L)
                .containsEntry(PromptFilter.FLAGGED, 1L).containsEntry(PromptFilter.ALL_BAD, 1L)
                .containsEntry(PromptFilter.HAS_DEMONSTRATION, 2L);
    }

    @ParameterizedTest
    @EnumSource(PromptFilter.class)
    void theQueryAgreesWithAPlainLoopOverRankingsAndDemonstrations(PromptFilter filter) {
        for (String search : List.of("", "cat", "WHAT", "nothing like this")) {
            assertThat(browse(search, filter)).as(filter + " / " + search).isEqualTo(reference(search, filter));
            assertThat(service.browse(search, PromptFilter.ALL).counts().get(filter)).as("count " + filter + " / " + search)
                    .isEqualTo(reference(search, filter).size());
        }
    }

    /** Newest ranking per prompt by the highest id, demonstrations by prompt, search by lower-cased contains. */
    private List<Long> reference(String search, PromptFilter filter) {
        Map<Long, Ranking> newest = new HashMap<>();
        for (Ranking r : p.rankings().all()) {
            newest.merge(r.promptId(), r, (x, y) -> x.id() > y.id() ? x : y);
        }
        Set<Long> demo = new HashSet<>();
        for (Demonstration d : p.demonstrations().all()) {
            demo.add(d.promptId());
        }
        List<Long> out = new ArrayList<>();
        for (Prompt prompt : p.prompts().all()) {
            boolean matches = prompt.text().toLowerCase(Locale.ROOT).contains(search.toLowerCase(Locale.ROOT));
            Ranking r = newest.get(prompt.id());
            if (matches && filter.accepts(r == null ? null : r.status(), demo.contains(prompt.id()))) {
                out.add(prompt.id());
            }
        }
        return out;
    }

    @Test
    void searchIgnoresCaseAndNarrowsTheCounts() {
        PromptBrowserService.Page page = service.browse("cat", PromptFilter.ALL);
        assertThat(page.rows()).extracting(PromptListing::id).isEqualTo(idsOf("skipped", "allbad", "chat"));
        assertThat(page.counts()).containsEntry(PromptFilter.UNLABELED, 1L).containsEntry(PromptFilter.SKIPPED, 1L)
                .containsEntry(PromptFilter.RANKED, 0L);
        assertThat(browse("joke", PromptFilter.ALL)).isEqualTo(idsOf("skipped"));
    }

    @Test
    void aRowSaysItsStatusWhetherItIsAConversationAndTheConversationsTurns() {
        Map<Long, PromptListing> rows = new HashMap<>();
        service.browse("", PromptFilter.ALL).rows().forEach(r -> rows.put(r.id(), r));
        assertThat(rows.get(ids.get("allbad")).statusLabel()).isEqualTo("all bad");
        assertThat(rows.get(ids.get("fresh")).statusLabel()).isEqualTo("unlabeled");
        assertThat(rows.get(ids.get("chat")).conversation()).isTrue();
        assertThat(rows.get(ids.get("fresh")).conversation()).isFalse();
        assertThat(service.turns(ids.get("chat"))).extracting(Message::role).containsExactly("user", "assistant", "user");
        assertThat(service.turns(ids.get("chat")).get(2).content()).isEqualTo("Name a cat breed.");
        assertThat(service.turns(ids.get("fresh"))).containsExactly(Message.user("What is the capital of France?"));
    }

    @Test
    void aLongListIsCutAndSaysSo() {
        p.db().inTransaction(() -> {
            for (int i = 0; i < PromptBrowserService.MAX_ROWS; i++) {
                p.prompts().add("bulk prompt " + i, "test");
            }
            return null;
        });
        PromptBrowserService.Page page = service.browse("", PromptFilter.ALL);
        assertThat(page.rows()).hasSize(PromptBrowserService.MAX_ROWS);
        assertThat(page.truncated()).isTrue();
        assertThat(page.counts().get(PromptFilter.ALL)).isEqualTo(PromptBrowserService.MAX_ROWS + 8L);
        assertThat(service.browse("bulk prompt 17", PromptFilter.ALL).truncated()).isFalse();
    }

}

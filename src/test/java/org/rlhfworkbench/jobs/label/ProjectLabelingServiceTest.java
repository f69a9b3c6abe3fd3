package org.rlhfworkbench.jobs.label;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rlhfworkbench.core.Demonstration;
import org.rlhfworkbench.core.DemonstrationSource;
import org.rlhfworkbench.core.Generation;
import org.rlhfworkbench.core.Ranking;
import org.rlhfworkbench.core.RankingEntry;
import org.rlhfworkbench.core.RankingStatus;
import org.rlhfworkbench.jobs.SampleProjects;
import org.rlhfworkbench.store.Project;

/** The labeling service on (a copy of) the sample project with a real policy model. */
class ProjectLabelingServiceTest {
    @TempDir
    static Path shared;
    static Path built;

    @TempDir
    Path tmp;
    Project project;
    ProjectLabelingService service;

    @BeforeAll
    static void buildSample() {
        built = LabelFixtures.sampleProject(shared);
    }

    @BeforeEach
    void open() {
        project = Project.open(LabelFixtures.copy(built, tmp.resolve("p")));
        project.meta().put(LabelConfig.META_K, "4");
        project.meta().put(LabelConfig.META_MAX_NEW_TOKENS, "12");
        service = new ProjectLabelingService(project, 7);
    }

    @AfterEach
    void close() {
        service.close();
        project.close();
    }

    /** Waits until every response of the item is stored; returns their ids in shown order. */
    static List<Long> awaitStored(LabelItem item) throws Exception {
        List<Long> ids = new ArrayList<>();
        for (ResponseStream r : item.responses()) {
            ids.add(((LiveResponse) r).await(System.nanoTime() + TimeUnit.SECONDS.toNanos(120)));
        }
        return ids;
    }

    static LabelDecision decision(LabelItem item, List<Long> ids, RankingStatus status, String note, Integer... ranks) {
        int k = item.responses().size();
        return new LabelDecision(item.promptId(), ids, Arrays.asList(ranks), status, note,
                Collections.nCopies(k, Map.of()), Collections.nCopies(k, null), null);
    }

    @Test
    void nextGivesKStreamsThatCompleteAndAreStoredAsTheyComplete() throws Exception {
        LabelItem item = service.next().orElseThrow();
        assertThat(item.responses()).hasSize(4).extracting(ResponseStream::slot).containsExactly(0, 1, 2, 3);
        assertThat(item.promptText()).isEqualTo(project.prompts().get(item.promptId()).text());
        assertThat(item.rankingId()).isNull();
        List<StringBuilder> streamed = new ArrayList<>();
        CountDownLatch done = new CountDownLatch(4);
        for (ResponseStream r : item.responses()) {
            StringBuilder sb = new StringBuilder();
            streamed.add(sb);
            r.listen(new ResponseStream.Listener() {
                @Override
                public void onText(String delta) {
                    sb.append(delta);
                }

                @Override
                public void onDone(long generationId, int tokenCount) {
                    done.countDown();
                }

                @Override
                public void onError(String message) {
                    sb.append("ERROR ").append(message);
                }
            });
        }
        assertThat(done.await(120, TimeUnit.SECONDS)).isTrue();
        long policy = Long.parseLong(project.meta().get(SampleProjects.META_POLICY_MODEL));
        for (ResponseStream r : item.responses()) {
            Generation g = project.generations().get(r.generationId());
            assertThat(g.promptId()).isEqualTo(item.promptId());
            assertThat(g.source()).isEqualTo("model");
            assertThat(g.modelId()).isEqualTo(policy);
            assertThat(g.tokenCount()).isNotNull().isBetween(0, 12);
            assertThat(g.samplingJson()).contains("\"temperature\"", "\"max_new_tokens\":12", "\"k\":4");
            assertThat(r.done()).isTrue();
            assertThat(streamed.get(r.slot()).toString()).isEqualTo(g.text()).isEqualTo(r.text());
            assertThat(g.text()).doesNotContain("\nUser:").doesNotStartWith(" ");
        }
    }

    @Test
    void theNextTwoPromptsArePrefetchedAndNextReturnsThemInOrder() throws Exception {
        LabelItem first = service.next().orElseThrow();
        List<Long> unranked = project.prompts().unrankedIds(3);
        assertThat(first.promptId()).isEqualTo(unranked.get(0));
        awaitStored(first);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (project.generations().forPrompt(unranked.get(2)).size() < 4 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(project.generations().forPrompt(unranked.get(1))).hasSize(4);
        assertThat(project.generations().forPrompt(unranked.get(2))).hasSize(4);
        LabelItem second = service.next().orElseThrow();
        assertThat(second.promptId()).isEqualTo(unranked.get(1));
        assertThat(second.responses()).allMatch(ResponseStream::done);
    }

    @Test
    void submitRightAfterNextWaitsForResponsesStillGeneratingAndStoresExactlyWhatWasChosen() throws Exception {
        LabelItem item = service.next().orElseThrow();
        List<Long> none = Collections.nCopies(4, null);
        long id = service.submit(decision(item, none, RankingStatus.RANKED, null, 2, 1, 2, null));

        List<Long> shown = item.responses().stream().map(ResponseStream::generationId).toList();
        Ranking r = project.rankings().get(id);
        assertThat(r.annotator()).isEqualTo("human");
        assertThat(r.status()).isEqualTo(RankingStatus.RANKED);
        assertThat(r.displayOrder()).isEqualTo(shown);
        assertThat(r.entries()).containsExactlyInAnyOrder(new RankingEntry(shown.get(0), 2),
                new RankingEntry(shown.get(1), 1), new RankingEntry(shown.get(2), 2), new RankingEntry(shown.get(3), null));
        assertThat(r.pairs()).hasSize(5);
        assertThat(service.progress().labeled()).isEqualTo(1);
        assertThat(service.progress().pairs()).isEqualTo(5);
        assertThat(service.progress().perHour()).isPositive();
    }

    @Test
    void aCorrectionRanksAboveItsOriginalAndIsADemonstrationAndUndoRemovesAllTheDecisionWrote() throws Exception {
        LabelItem item = service.next().orElseThrow();
        List<Long> ids = awaitStored(item);
        long demosBefore = project.demonstrations().count();
        List<Map<String, Integer>> ratings = List.of(Map.of("helpfulness", 5, "honesty", 4), Map.of(), Map.of(),
                Map.of("harmlessness", 1));
        LabelDecision d = new LabelDecision(item.promptId(), ids, Arrays.asList(1, 2, 3, null), RankingStatus.RANKED,
                null, ratings, Arrays.asList(null, "The corrected answer.", null, null), "My own answer.");
        long id = service.submit(d);

        Ranking r = project.rankings().get(id);
        assertThat(r.displayOrder()).isEqualTo(ids);
        Generation correction = project.generations().forPrompt(item.promptId()).stream()
                .filter(g -> g.source().equals("correction")).findFirst().orElseThrow();
        assertThat(correction.text()).isEqualTo("The corrected answer.");
        assertThat(r.entries()).containsExactlyInAnyOrder(new RankingEntry(ids.get(0), 1),
                new RankingEntry(correction.id(), 2), new RankingEntry(ids.get(1), 3), new RankingEntry(ids.get(2), 4),
                new RankingEntry(ids.get(3), null));
        List<Demonstration> demos = project.demonstrations().forRanking(id);
        assertThat(demos).extracting(Demonstration::source, Demonstration::text, Demonstration::generationId)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(DemonstrationSource.CORRECTION,
                                "The corrected answer.", ids.get(1)),
                        org.assertj.core.groups.Tuple.tuple(DemonstrationSource.WRITTEN, "My own answer.", null));
        assertThat(project.ratings().forRanking(id)).hasSize(3).allMatch(x -> x.annotator().equals("human"));
        assertThat(project.ratings().forGeneration(ids.get(3))).singleElement()
                .matches(x -> x.criterion().equals("harmlessness") && x.value() == 1);

        service.undo(id);
        assertThat(project.rankings().get(id)).isNull();
        assertThat(project.ratings().count()).isZero();
        assertThat(project.demonstrations().count()).isEqualTo(demosBefore);
        // only this prompt's rows: prefetching may store the next prompts' responses meanwhile
        assertThat(project.generations().forPrompt(item.promptId())).hasSize(ids.size());
        assertThat(project.generations().get(correction.id())).isNull();
        assertThat(service.progress().labeled()).isZero();
    }

    @Test
    void anUndonePromptComesBackWithItsStoredResponsesInTheSameOrder() throws Exception {
        LabelItem item = service.next().orElseThrow();
        List<Long> ids = awaitStored(item);
        long id = service.submit(decision(item, ids, RankingStatus.RANKED, null, 1, 2, 3, 4));
        service.undo(id);
        LabelItem again = service.next().orElseThrow();
        assertThat(again.promptId()).isEqualTo(item.promptId());
        assertThat(again.responses()).allMatch(ResponseStream::done);
        assertThat(again.responses().stream().map(ResponseStream::generationId).toList()).isEqualTo(ids);
    }

    @Test
    void skipAllBadAndFlagWithANoteAreStoredAndHistoryIsNewestFirst() throws Exception {
        List<Long> rankingIds = new ArrayList<>();
        RankingStatus[] statuses = {RankingStatus.SKIPPED, RankingStatus.ALL_BAD, RankingStatus.FLAGGED};
        for (RankingStatus s : statuses) {
            LabelItem item = service.next().orElseThrow();
            String note = s == RankingStatus.FLAGGED ? "unclear question" : null;
            rankingIds.add(service.submit(decision(item, awaitStored(item), s, note, null, null, null, null)));
        }
        assertThat(project.rankings().get(rankingIds.get(2)).note()).isEqualTo("unclear question");
        assertThat(project.rankings().get(rankingIds.get(1)).status()).isEqualTo(RankingStatus.ALL_BAD);
        assertThat(project.rankings().get(rankingIds.get(0)).entries()).hasSize(4).allMatch(e -> e.rank() == null);

        List<HistoryEntry> h = service.history(10);
        assertThat(h).extracting(HistoryEntry::rankingId).containsExactly(rankingIds.get(2), rankingIds.get(1),
                rankingIds.get(0));
        assertThat(h).extracting(HistoryEntry::summary).containsExactly("flagged: unclear question", "all bad", "skipped");
        assertThat(h).noneMatch(HistoryEntry::simulated).allMatch(e -> e.at() != null);
        assertThat(service.history(2)).hasSize(2);
        assertThat(service.progress().pairs()).isZero();
    }

    @Test
    void aReopenedDecisionShowsTheSameResponsesAndReplaceRewritesIt() throws Exception {
        LabelItem item = service.next().orElseThrow();
        List<Long> ids = awaitStored(item);
        long id = service.submit(decision(item, ids, RankingStatus.RANKED, null, 1, 2, 3, 4));
        LabelItem reopened = service.reopen(id);
        assertThat(reopened.rankingId()).isEqualTo(id);
        assertThat(reopened.responses().stream().map(ResponseStream::generationId).toList()).isEqualTo(ids);
        assertThat(reopened.responses()).extracting(ResponseStream::text)
                .isEqualTo(item.responses().stream().map(ResponseStream::text).toList());

        service.replace(id, decision(reopened, ids, RankingStatus.RANKED, null, 4, 3, 1, 1));
        assertThat(project.rankings().count()).isEqualTo(1);
        assertThat(project.rankings().get(id).entries()).containsExactlyInAnyOrder(new RankingEntry(ids.get(0), 4),
                new RankingEntry(ids.get(1), 3), new RankingEntry(ids.get(2), 1), new RankingEntry(ids.get(3), 1));
        assertThat(service.history(1).get(0).summary()).isEqualTo("3 = 4 > 2 > 1");
    }

    @Test
    void aModelThatFailsToLoadReportsErrorsAndThePromptCanStillBeSkipped() throws Exception {
        try (ProjectLabelingService broken = new ProjectLabelingService(project, folder -> {
            throw new IllegalStateException("no weights in " + folder.getFileName());
        }, 1)) {
            LabelItem item = broken.next().orElseThrow();
            List<String> errors = Collections.synchronizedList(new ArrayList<>());
            CountDownLatch failed = new CountDownLatch(4);
            for (ResponseStream r : item.responses()) {
                r.listen(new ResponseStream.Listener() {
                    @Override
                    public void onText(String delta) {
                    }

                    @Override
                    public void onDone(long generationId, int tokenCount) {
                    }

                    @Override
                    public void onError(String message) {
                        errors.add(message);
                        failed.countDown();
                    }
                });
            }
            assertThat(failed.await(60, TimeUnit.SECONDS)).isTrue();
            assertThat(errors).allMatch(m -> m.contains("cannot load the policy model: no weights in base"));
            long id = broken.submit(new LabelDecision(item.promptId(), List.of(), Collections.nCopies(4, null),
                    RankingStatus.SKIPPED, null, List.of(), List.of(), null));
            assertThat(project.rankings().get(id).status()).isEqualTo(RankingStatus.SKIPPED);
            assertThat(project.rankings().get(id).entries()).isEmpty();
        }
    }

    @Test
    void closeStopsGenerationAtOnceAndFailsWhatWasStillGenerating() throws Exception {
        project.meta().put(LabelConfig.META_MAX_NEW_TOKENS, "100000");
        LabelItem item = service.next().orElseThrow();
        long start = System.nanoTime();
        service.close();
        assertThat((System.nanoTime() - start) / 1e9).isLessThan(10);
        for (ResponseStream r : item.responses()) {
            LiveResponse live = (LiveResponse) r;
            assertThat(live.finished()).isTrue();
            assertThat(live.done() || live.error().contains("closed")).isTrue();
        }
    }

    @Test
    void settingsComeFromProjectMetaWithUsefulDefaults() {
        LabelSettings s = service.settings();
        assertThat(s.k()).isEqualTo(4);
        assertThat(s.ratingsEnabled()).isTrue();
        assertThat(s.criteria()).containsExactly("helpfulness", "harmlessness", "honesty");
        assertThat(s.guidelinesMarkdown()).contains("best first");
        assertThat(s.simulatedNote()).isNull();
        project.meta().put(LabelConfig.META_K, "3");
        project.meta().put(LabelConfig.META_RATINGS, "false");
        project.meta().put(LabelConfig.META_CRITERIA, "accuracy, style");
        assertThat(service.settings()).extracting(LabelSettings::k, LabelSettings::ratingsEnabled, LabelSettings::criteria)
                .containsExactly(3, false, List.of("accuracy", "style"));
    }
}

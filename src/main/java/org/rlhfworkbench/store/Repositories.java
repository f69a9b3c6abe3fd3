package org.rlhfworkbench.store;

/** The repositories of one open project, all over the same connection. */
final class Repositories {
    final MetaRepository meta;
    final PromptRepository prompts;
    final GenerationRepository generations;
    final RankingRepository rankings;
    final RatingRepository ratings;
    final DemonstrationRepository demonstrations;
    final ModelRepository models;
    final RunRepository runs;
    final MetricRepository metrics;
    final ComparisonRepository comparisons;
    final OnlineRepository online;
    final ConversationRepository conversations;

    Repositories(Db db) {
        meta = new MetaRepository(db);
        prompts = new PromptRepository(db);
        generations = new GenerationRepository(db);
        rankings = new RankingRepository(db);
        ratings = new RatingRepository(db);
        demonstrations = new DemonstrationRepository(db);
        models = new ModelRepository(db);
        runs = new RunRepository(db);
        metrics = new MetricRepository(db);
        comparisons = new ComparisonRepository(db, rankings);
        online = new OnlineRepository(db);
        conversations = new ConversationRepository(db);
    }
}

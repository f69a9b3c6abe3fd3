package org.rlhfworkbench.store;

import java.util.List;
import org.rlhfworkbench.core.Rating;

/** Per-criterion Likert ratings of responses. */
public final class RatingRepository {
    private final Db db;

    RatingRepository(Db db) {
        this.db = db;
    }

    public long add(long generationId, String criterion, int value, String annotator) {
        new Rating(0, generationId, criterion, value, annotator); // validates the 1..5 range
        return db.update("INSERT INTO rating(generation_id, criterion, value, annotator) VALUES (?, ?, ?, ?)",
                generationId, criterion, value, annotator);
    }

    /** Adds a rating written by a labeling decision; deleting that ranking deletes the rating too. */
    public long add(long generationId, String criterion, int value, String annotator, Long rankingId) {
        new Rating(0, generationId, criterion, value, annotator); // validates the 1..5 range
        return db.update("INSERT INTO rating(generation_id, criterion, value, annotator, ranking_id)"
                + " VALUES (?, ?, ?, ?, ?)", generationId, criterion, value, annotator, rankingId);
    }

    /** The ratings a labeling decision wrote, in insertion order. */
    public List<Rating> forRanking(long rankingId) {
        return db.query("SELECT id, generation_id, criterion, value, annotator FROM rating"
                        + " WHERE ranking_id = ? ORDER BY id",
                rs -> new Rating(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getInt(4), rs.getString(5)),
                rankingId);
    }

    public List<Rating> forGeneration(long generationId) {
        return db.query("SELECT id, generation_id, criterion, value, annotator FROM rating"
                        + " WHERE generation_id = ? ORDER BY id",
                rs -> new Rating(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getInt(4), rs.getString(5)),
                generationId);
    }

    public long count() {
        return db.count("SELECT count(*) FROM rating");
    }
}

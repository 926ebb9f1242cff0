package org.techroute.api.plans;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import org.techroute.data.json.ProblemJson;
import org.techroute.data.model.Problem;
import org.techroute.data.model.Solution;

/**
 * Plans in the database (H2 or PostgreSQL, same SQL). Status changes are conditional on the current status, so
 * that a run's status only moves forward even with concurrent requests.
 */
@Repository
public class PlanRepository {

    private static final String SUMMARY_COLUMNS = "id, name, status, status_reason, run_number, NULL AS problem_json,"
            + " NULL AS plan_json, score, feasible, kpis_json, best_score_updated_at, created_at, updated_at,"
            + " idempotency_key, request_hash";

    private final JdbcClient jdbc;
    private final StatusCache statusCache;

    /** With a cache of its own (tests, tools). */
    public PlanRepository(JdbcClient jdbc) {
        this(jdbc, new StatusCache());
    }

    @Autowired
    public PlanRepository(JdbcClient jdbc, StatusCache statusCache) {
        this.jdbc = jdbc;
        this.statusCache = statusCache;
    }

    /** Whether the database is PostgreSQL (else H2 in PostgreSQL mode). */
    static boolean isPostgres(DataSource dataSource) {
        try (var connection = dataSource.getConnection()) {
            return connection.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT)
                    .contains("postgres");
        } catch (SQLException e) {
            return false;
        }
    }

    public void insert(PlanRecord plan) {
        insert(plan, null, null);
    }

    /** Inserts a plan held by {@code owner} until {@code until} (both null: nobody holds it). */
    public void insert(PlanRecord plan, String owner, OffsetDateTime until) {
        jdbc.sql("""
                INSERT INTO plan (id, name, status, status_reason, run_number, problem_json, plan_json, score,
                    feasible, kpis_json, best_score_updated_at, created_at, updated_at, idempotency_key, request_hash,
                    claimed_by, claimed_until)
                VALUES (:id, :name, :status, :reason, :run, :problem, :plan, :score, :feasible, :kpis, :bestAt,
                    :createdAt, :updatedAt, :key, :hash, :owner, :until)""")
                .param("id", plan.id()).param("name", plan.name()).param("status", plan.status().name())
                .param("reason", plan.statusReason()).param("run", plan.runNumber())
                .param("problem", plan.problemJson()).param("plan", plan.planJson()).param("score", plan.score())
                .param("feasible", plan.feasible()).param("kpis", plan.kpisJson())
                .param("bestAt", plan.bestScoreUpdatedAt()).param("createdAt", plan.createdAt())
                .param("updatedAt", plan.updatedAt()).param("key", plan.idempotencyKey())
                .param("hash", plan.requestHash()).param("owner", owner).param("until", until)
                .update();
        statusCache.changed(plan.id(), jdbc);
    }

    public Optional<PlanRecord> findById(String id) {
        return jdbc.sql("SELECT * FROM plan WHERE id = :id").param("id", id).query(PlanRepository::row).optional();
    }

    /**
     * A plan without its documents, for status reads, which clients poll: from memory while no write of this plan
     * happened since it was read and for at most a second ({@link StatusCache}).
     */
    public Optional<PlanRecord> findStatusById(String id) {
        return statusCache.get(id, this::findSummaryById);
    }

    /** A plan without its documents (problem and plan JSON are null), read from the database. */
    public Optional<PlanRecord> findSummaryById(String id) {
        return jdbc.sql("SELECT " + SUMMARY_COLUMNS + " FROM plan WHERE id = :id").param("id", id)
                .query(PlanRepository::row).optional();
    }

    public Optional<PlanRecord> findByIdempotencyKey(String key) {
        return jdbc.sql("SELECT * FROM plan WHERE idempotency_key = :key").param("key", key)
                .query(PlanRepository::row).optional();
    }

    /** Newest first, without the documents. */
    public List<PlanRecord> list(int limit, int offset) {
        return jdbc.sql("SELECT " + SUMMARY_COLUMNS + " FROM plan ORDER BY created_at DESC, id LIMIT :limit OFFSET"
                + " :offset").param("limit", limit).param("offset", offset).query(PlanRepository::row).list();
    }

    public long count() {
        return jdbc.sql("SELECT COUNT(*) FROM plan").query(Long.class).single();
    }

    /** Moves the status if it is one of {@code from}; false when it was not (or the plan is gone). */
    public boolean updateStatus(String id, Collection<PlanStatus> from, PlanStatus to, String reason,
            OffsetDateTime at) {
        return statusCache.written(id, jdbc.sql(
                "UPDATE plan SET status = :to, status_reason = :reason, updated_at = :at"
                + " WHERE id = :id AND status IN (:from)")
                .param("to", to.name()).param("reason", reason).param("at", at).param("id", id)
                .param("from", names(from)).update(), jdbc);
    }

    /**
     * Starts a new run of a plan in one of {@code from} (QUEUED, held by {@code owner}); with {@code problemJson} and
     * {@code planJson} (a change), its documents are replaced in the same write.
     */
    public boolean startRun(String id, Collection<PlanStatus> from, int runNumber, String problemJson,
            String planJson, String owner, OffsetDateTime until, OffsetDateTime at) {
        return statusCache.written(id, jdbc.sql(
                "UPDATE plan SET status = :to, status_reason = NULL, run_number = :run,"
                + " updated_at = :at,"
                + " claimed_by = :owner, claimed_until = :until"
                + (problemJson != null ? ", problem_json = :problem, plan_json = :plan" : "")
                + " WHERE id = :id AND status IN (:from)")
                .param("to", PlanStatus.QUEUED.name()).param("run", runNumber).param("at", at).param("id", id)
                .param("owner", owner).param("until", until).param("problem", problemJson).param("plan", planJson)
                .param("from", names(from)).update(), jdbc);
    }

    /** Saves a best plan of a run in progress and records its score. */
    @Transactional
    public boolean saveBest(String id, BestPlan best, Collection<PlanStatus> whileIn) {
        return saveBest(id, best, whileIn, null);
    }

    /** Saves a best plan while the plan is in one of {@code whileIn} and (when given) claimed by {@code owner}. */
    @Transactional
    public boolean saveBest(String id, BestPlan best, Collection<PlanStatus> whileIn, String owner) {
        int updated = jdbc.sql("UPDATE plan SET plan_json = :plan, score = :score, feasible = :feasible,"
                + " kpis_json = :kpis, best_score_updated_at = :at, updated_at = :at"
                + " WHERE id = :id AND status IN (:statuses)" + OWNED)
                .param("plan", best.planJson()).param("score", best.score()).param("feasible", best.feasible())
                .param("kpis", best.kpisJson()).param("at", best.at()).param("id", id)
                .param("statuses", names(whileIn)).param("owner", owner).update();
        if (updated == 1) {
            statusCache.changed(id, jdbc);
            jdbc.sql("INSERT INTO plan_score_history (plan_id, at, score) VALUES (:id, :at, :score)")
                    .param("id", id).param("at", best.at()).param("score", best.score()).update();
        }
        return updated == 1;
    }

    /** Ends a run: the final status and, when there is one, the final best plan. */
    @Transactional
    public boolean finish(String id, Collection<PlanStatus> from, PlanStatus to, String reason, BestPlan best,
            OffsetDateTime at) {
        return finish(id, from, to, reason, best, at, null);
    }

    /**
     * Ends a run of {@code owner} (null: whoever): the final status and best plan, and gives the claim back.
     * False when the plan is no longer in {@code from} or another instance holds it.
     */
    @Transactional
    public boolean finish(String id, Collection<PlanStatus> from, PlanStatus to, String reason, BestPlan best,
            OffsetDateTime at, String owner) {
        if (best != null && !saveBest(id, best, from, owner)) {
            return false;
        }
        return statusCache.written(id, jdbc.sql(
                "UPDATE plan SET status = :to, status_reason = :reason, updated_at = :at,"
                + " claimed_by = NULL, claimed_until = NULL WHERE id = :id AND status IN (:from)" + OWNED)
                .param("to", to.name()).param("reason", reason).param("at", at).param("id", id)
                .param("from", names(from)).param("owner", owner).update(), jdbc);
    }

    /** {@code AND} the row is free for {@code :owner} (or {@code :owner} is null: no check). */
    static final String OWNED = " AND (CAST(:owner AS VARCHAR(200)) IS NULL OR claimed_by IS NULL"
            + " OR claimed_by = :owner)";

    /**
     * Replaces the documents of a plan under way (a live change) while it is in {@code whileIn} and (when given)
     * claimed by {@code owner}; the score stays until the next best. False when it is not: an instance whose claim
     * another instance took over must not write a change into the plan that instance now solves.
     */
    public boolean updateLiveDocuments(String id, String problemJson, String planJson, Collection<PlanStatus> whileIn,
            OffsetDateTime at, String owner) {
        return statusCache.written(id, jdbc.sql(
                "UPDATE plan SET problem_json = :problem, plan_json = :plan, updated_at = :at"
                + " WHERE id = :id AND status IN (:statuses)" + OWNED)
                .param("problem", problemJson).param("plan", planJson).param("at", at).param("id", id)
                .param("statuses", names(whileIn)).param("owner", owner).update(), jdbc);
    }

    /** Replaces the documents of a plan that is not being solved (an applied recommendation). */
    public boolean replaceDocuments(String id, String problemJson, BestPlan best, Collection<PlanStatus> whileIn) {
        return statusCache.written(id, jdbc.sql(
                "UPDATE plan SET problem_json = :problem, plan_json = :plan, score = :score,"
                + " feasible = :feasible, kpis_json = :kpis, updated_at = :at"
                + " WHERE id = :id AND status IN (:statuses)")
                .param("problem", problemJson).param("plan", best.planJson()).param("score", best.score())
                .param("feasible", best.feasible()).param("kpis", best.kpisJson()).param("at", best.at())
                .param("id", id).param("statuses", names(whileIn)).update(), jdbc);
    }

    public boolean delete(String id) {
        return statusCache.written(id, jdbc.sql("DELETE FROM plan WHERE id = :id").param("id", id).update(), jdbc);
    }

    public List<ScorePoint> scoreHistory(String id) {
        return jdbc.sql("SELECT at, score FROM plan_score_history WHERE plan_id = :id ORDER BY at")
                .param("id", id)
                .query((rs, n) -> new ScorePoint(rs.getObject("at", OffsetDateTime.class), rs.getString("score")))
                .list();
    }

    /** A best plan to save. */
    public record BestPlan(String planJson, String score, boolean feasible, String kpisJson, OffsetDateTime at) {

        /** A plan document (with its solution) as the values to save. */
        public static BestPlan of(Problem document, ObjectMapper mapper, OffsetDateTime at) {
            Solution solution = document.solution();
            try {
                return new BestPlan(ProblemJson.write(document), solution.score(), solution.feasible(),
                        mapper.writeValueAsString(solution.kpis()), at);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("cannot write KPIs", e);
            }
        }
    }

    /** A score a plan had at a time. */
    public record ScorePoint(OffsetDateTime at, String score) {
    }

    static final List<PlanStatus> UNDER_WAY = List.of(PlanStatus.VALIDATING, PlanStatus.QUEUED,
            PlanStatus.SOLVING);

    /** The stored names of statuses, with the names older versions wrote (QUEUED was SCHEDULED). */
    static List<String> names(Collection<PlanStatus> statuses) {
        return statuses.stream().flatMap(PlanStatus::storedNames).toList();
    }

    static PlanRecord row(ResultSet rs, int rowNum) throws SQLException {
        Object feasible = rs.getObject("feasible");
        return new PlanRecord(rs.getString("id"), rs.getString("name"), PlanStatus.fromStored(rs.getString("status")),
                rs.getString("status_reason"), rs.getInt("run_number"), rs.getString("problem_json"),
                rs.getString("plan_json"), rs.getString("score"), feasible == null ? null : rs.getBoolean("feasible"),
                rs.getString("kpis_json"), rs.getObject("best_score_updated_at", OffsetDateTime.class),
                rs.getObject("created_at", OffsetDateTime.class), rs.getObject("updated_at", OffsetDateTime.class),
                rs.getString("idempotency_key"), rs.getString("request_hash"));
    }
}

package org.techroute.api.plans;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

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
    private final boolean postgres;

    /** Portable SQL only (claims by conditional updates). */
    public PlanRepository(JdbcClient jdbc) {
        this(jdbc, false);
    }

    PlanRepository(JdbcClient jdbc, boolean postgres) {
        this.jdbc = jdbc;
        this.postgres = postgres;
    }

    /** Uses {@code FOR UPDATE SKIP LOCKED} to claim plans when the database is PostgreSQL. */
    @Autowired
    public PlanRepository(JdbcClient jdbc, DataSource dataSource) {
        this(jdbc, isPostgres(dataSource));
    }

    static boolean isPostgres(DataSource dataSource) {
        try (var connection = dataSource.getConnection()) {
            return connection.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT)
                    .contains("postgres");
        } catch (SQLException e) {
            return false;
        }
    }

    public void insert(PlanRecord plan) {
        jdbc.sql("""
                INSERT INTO plan (id, name, status, status_reason, run_number, problem_json, plan_json, score,
                    feasible, kpis_json, best_score_updated_at, created_at, updated_at, idempotency_key, request_hash)
                VALUES (:id, :name, :status, :reason, :run, :problem, :plan, :score, :feasible, :kpis, :bestAt,
                    :createdAt, :updatedAt, :key, :hash)""")
                .param("id", plan.id()).param("name", plan.name()).param("status", plan.status().name())
                .param("reason", plan.statusReason()).param("run", plan.runNumber())
                .param("problem", plan.problemJson()).param("plan", plan.planJson()).param("score", plan.score())
                .param("feasible", plan.feasible()).param("kpis", plan.kpisJson())
                .param("bestAt", plan.bestScoreUpdatedAt()).param("createdAt", plan.createdAt())
                .param("updatedAt", plan.updatedAt()).param("key", plan.idempotencyKey())
                .param("hash", plan.requestHash())
                .update();
    }

    public Optional<PlanRecord> findById(String id) {
        return jdbc.sql("SELECT * FROM plan WHERE id = :id").param("id", id).query(PlanRepository::row).optional();
    }

    /** A plan without its documents (problem and plan JSON are null): for status reads, which are frequent. */
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

    public List<String> idsWithStatus(Collection<PlanStatus> statuses) {
        return jdbc.sql("SELECT id FROM plan WHERE status IN (:statuses) ORDER BY created_at")
                .param("statuses", names(statuses)).query(String.class).list();
    }

    /** Moves the status if it is one of {@code from}; false when it was not (or the plan is gone). */
    public boolean updateStatus(String id, Collection<PlanStatus> from, PlanStatus to, String reason,
            OffsetDateTime at) {
        return jdbc.sql("UPDATE plan SET status = :to, status_reason = :reason, updated_at = :at"
                + " WHERE id = :id AND status IN (:from)")
                .param("to", to.name()).param("reason", reason).param("at", at).param("id", id)
                .param("from", names(from)).update() == 1;
    }

    /** Starts a new solving run of a finished plan. */
    public boolean startRun(String id, Collection<PlanStatus> from, int runNumber, OffsetDateTime at) {
        return jdbc.sql("UPDATE plan SET status = :to, status_reason = NULL, run_number = :run, updated_at = :at"
                + " WHERE id = :id AND status IN (:from)")
                .param("to", PlanStatus.SCHEDULED.name()).param("run", runNumber).param("at", at).param("id", id)
                .param("from", names(from)).update() == 1;
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
        return jdbc.sql("UPDATE plan SET status = :to, status_reason = :reason, updated_at = :at,"
                + " claimed_by = NULL, claimed_until = NULL WHERE id = :id AND status IN (:from)" + OWNED)
                .param("to", to.name()).param("reason", reason).param("at", at).param("id", id)
                .param("from", names(from)).param("owner", owner).update() == 1;
    }

    // ---- claims: which instance queues, solves or re-optimizes a plan (several instances on one database) ----

    /** {@code AND} the row is free for {@code :owner} (or {@code :owner} is null: no check). */
    private static final String OWNED = " AND (CAST(:owner AS VARCHAR(200)) IS NULL OR claimed_by IS NULL"
            + " OR claimed_by = :owner)";

    /**
     * Claims a plan for {@code owner} while it is in one of {@code statuses} and unclaimed, already
     * {@code owner}'s, or its claim expired. Atomic per row.
     */
    public boolean claim(String id, Collection<PlanStatus> statuses, String owner, OffsetDateTime until,
            OffsetDateTime now) {
        return jdbc.sql("UPDATE plan SET claimed_by = :owner, claimed_until = :until WHERE id = :id"
                + " AND status IN (:statuses) AND (claimed_by IS NULL OR claimed_by = :owner OR claimed_until < :now)")
                .param("owner", owner).param("until", until).param("id", id).param("statuses", names(statuses))
                .param("now", now).update() == 1;
    }

    /**
     * A queued plan starts solving for {@code owner}: SCHEDULED to SOLVING, claimed, and its solve count up by
     * one. False when it is not SCHEDULED or another instance holds a live claim.
     */
    public boolean startSolving(String id, String owner, OffsetDateTime until, OffsetDateTime now) {
        return jdbc.sql("UPDATE plan SET status = 'SOLVING', status_reason = NULL, updated_at = :now,"
                + " claimed_by = :owner, claimed_until = :until, solve_count = solve_count + 1"
                + " WHERE id = :id AND status = 'SCHEDULED'"
                + " AND (claimed_by IS NULL OR claimed_by = :owner OR claimed_until < :now)")
                .param("owner", owner).param("until", until).param("id", id).param("now", now).update() == 1;
    }

    /**
     * Claims the oldest SCHEDULED plan that nobody holds (or whose claim expired) for {@code owner}; its id, or
     * empty. PostgreSQL: one {@code UPDATE ... FOR UPDATE SKIP LOCKED}; other databases: conditional updates.
     */
    public Optional<String> claimNextScheduled(String owner, OffsetDateTime until, OffsetDateTime now) {
        if (postgres) {
            return jdbc.sql("""
                    UPDATE plan SET claimed_by = :owner, claimed_until = :until
                    WHERE id = (SELECT id FROM plan WHERE status = 'SCHEDULED'
                                  AND (claimed_by IS NULL OR claimed_until < :now)
                                ORDER BY created_at FOR UPDATE SKIP LOCKED LIMIT 1)
                    RETURNING id""").param("owner", owner).param("until", until).param("now", now)
                    .query(String.class).optional();
        }
        for (String id : jdbc.sql("SELECT id FROM plan WHERE status = 'SCHEDULED' AND (claimed_by IS NULL"
                + " OR claimed_until < :now) ORDER BY created_at LIMIT 20").param("now", now).query(String.class)
                .list()) {
            if (claim(id, List.of(PlanStatus.SCHEDULED), owner, until, now)) {
                return Optional.of(id);
            }
        }
        return Optional.empty();
    }

    /**
     * Runs in progress (VALIDATING, SCHEDULED or SOLVING) that no live instance holds: unclaimed or expired, or,
     * with {@code all}, every one (a single instance that starts has no live runs).
     */
    public List<String> orphans(Collection<PlanStatus> statuses, OffsetDateTime now, boolean all) {
        return jdbc.sql("SELECT id FROM plan WHERE status IN (:statuses)"
                + (all ? "" : " AND (claimed_by IS NULL OR claimed_until < :now)") + " ORDER BY created_at")
                .param("statuses", names(statuses)).param("now", now).query(String.class).list();
    }

    /** Renews every claim of {@code owner} (the heartbeat); how many. */
    public int renewClaims(String owner, OffsetDateTime until) {
        return jdbc.sql("UPDATE plan SET claimed_until = :until WHERE claimed_by = :owner")
                .param("until", until).param("owner", owner).update();
    }

    /** Gives a claim back. */
    public boolean release(String id, String owner) {
        return jdbc.sql("UPDATE plan SET claimed_by = NULL, claimed_until = NULL WHERE id = :id AND claimed_by = :owner")
                .param("id", id).param("owner", owner).update() == 1;
    }

    /** Who holds a plan, until when, and how many runs started solving. */
    public Optional<Claim> claimOf(String id) {
        return jdbc.sql("SELECT claimed_by, claimed_until, solve_count FROM plan WHERE id = :id").param("id", id)
                .query((rs, n) -> new Claim(rs.getString("claimed_by"),
                        rs.getObject("claimed_until", OffsetDateTime.class), rs.getInt("solve_count")))
                .optional();
    }

    /** A plan's claim. */
    public record Claim(String owner, OffsetDateTime until, int solveCount) {
    }

    /** Starts a new run of a plan left unfinished (resume): back to SCHEDULED, claimed by {@code owner}. */
    public boolean restartRun(String id, int runNumber, String owner, OffsetDateTime until, OffsetDateTime now,
            boolean anyClaim) {
        return jdbc.sql("UPDATE plan SET status = 'SCHEDULED', status_reason = NULL, run_number = :run,"
                + " updated_at = :now, claimed_by = :owner, claimed_until = :until WHERE id = :id"
                + " AND status IN ('VALIDATING', 'SCHEDULED', 'SOLVING')"
                + (anyClaim ? "" : " AND (claimed_by IS NULL OR claimed_until < :now)"))
                .param("run", runNumber).param("now", now).param("owner", owner).param("until", until)
                .param("id", id).update() == 1;
    }

    /** Marks a run left unfinished STOPPED (giving its claim back). */
    public boolean stopOrphan(String id, String reason, OffsetDateTime now, boolean anyClaim) {
        return jdbc.sql("UPDATE plan SET status = 'STOPPED', status_reason = :reason, updated_at = :now,"
                + " claimed_by = NULL, claimed_until = NULL WHERE id = :id"
                + " AND status IN ('VALIDATING', 'SCHEDULED', 'SOLVING')"
                + (anyClaim ? "" : " AND (claimed_by IS NULL OR claimed_until < :now)"))
                .param("reason", reason).param("now", now).param("id", id).update() == 1;
    }

    /** Replaces the documents of a plan under way (a live change); the score stays until the next best. */
    public boolean updateLiveDocuments(String id, String problemJson, String planJson, Collection<PlanStatus> whileIn,
            OffsetDateTime at) {
        return jdbc.sql("UPDATE plan SET problem_json = :problem, plan_json = :plan, updated_at = :at"
                + " WHERE id = :id AND status IN (:statuses)")
                .param("problem", problemJson).param("plan", planJson).param("at", at).param("id", id)
                .param("statuses", names(whileIn)).update() == 1;
    }

    // ---- nightly re-optimization ----

    public boolean setNightly(String id, boolean enabled) {
        return jdbc.sql("UPDATE plan SET nightly = :enabled WHERE id = :id").param("enabled", enabled)
                .param("id", id).update() == 1;
    }

    public boolean isNightly(String id) {
        return jdbc.sql("SELECT nightly FROM plan WHERE id = :id").param("id", id).query(Boolean.class).optional()
                .orElse(false);
    }

    public List<String> nightlyIds() {
        return jdbc.sql("SELECT id FROM plan WHERE nightly = TRUE ORDER BY created_at").query(String.class).list();
    }

    public void insertNightlyRun(NightlyRun run) {
        jdbc.sql("""
                INSERT INTO nightly_run (id, plan_id, started_at, finished_at, status, score_before, score_after,
                    kpis_before, kpis_after, error)
                VALUES (:id, :plan, :started, :finished, :status, :before, :after, :kpisBefore, :kpisAfter, :error)""")
                .param("id", run.id()).param("plan", run.planId()).param("started", run.startedAt())
                .param("finished", run.finishedAt()).param("status", run.status())
                .param("before", run.scoreBefore()).param("after", run.scoreAfter())
                .param("kpisBefore", run.kpisBefore()).param("kpisAfter", run.kpisAfter())
                .param("error", run.error()).update();
    }

    /** Newest first. */
    public List<NightlyRun> nightlyRuns(int limit) {
        return jdbc.sql("SELECT * FROM nightly_run ORDER BY started_at DESC, id LIMIT :limit").param("limit", limit)
                .query((rs, n) -> new NightlyRun(rs.getString("id"), rs.getString("plan_id"),
                        rs.getObject("started_at", OffsetDateTime.class),
                        rs.getObject("finished_at", OffsetDateTime.class), rs.getString("status"),
                        rs.getString("score_before"), rs.getString("score_after"), rs.getString("kpis_before"),
                        rs.getString("kpis_after"), rs.getString("error")))
                .list();
    }

    /** One plan's nightly re-optimization (KPIs as JSON). */
    public record NightlyRun(String id, String planId, OffsetDateTime startedAt, OffsetDateTime finishedAt,
            String status, String scoreBefore, String scoreAfter, String kpisBefore, String kpisAfter,
            String error) {
    }

    /** Replaces the documents of a plan that is not being solved (an applied recommendation). */
    public boolean replaceDocuments(String id, String problemJson, BestPlan best, Collection<PlanStatus> whileIn) {
        return jdbc.sql("UPDATE plan SET problem_json = :problem, plan_json = :plan, score = :score,"
                + " feasible = :feasible, kpis_json = :kpis, updated_at = :at"
                + " WHERE id = :id AND status IN (:statuses)")
                .param("problem", problemJson).param("plan", best.planJson()).param("score", best.score())
                .param("feasible", best.feasible()).param("kpis", best.kpisJson()).param("at", best.at())
                .param("id", id).param("statuses", names(whileIn)).update() == 1;
    }

    public boolean delete(String id) {
        return jdbc.sql("DELETE FROM plan WHERE id = :id").param("id", id).update() == 1;
    }

    public List<ScorePoint> scoreHistory(String id) {
        return jdbc.sql("SELECT at, score FROM plan_score_history WHERE plan_id = :id ORDER BY at")
                .param("id", id)
                .query((rs, n) -> new ScorePoint(rs.getObject("at", OffsetDateTime.class), rs.getString("score")))
                .list();
    }

    /** A best plan to save. */
    public record BestPlan(String planJson, String score, boolean feasible, String kpisJson, OffsetDateTime at) {
    }

    /** A score a plan had at a time. */
    public record ScorePoint(OffsetDateTime at, String score) {
    }

    private static List<String> names(Collection<PlanStatus> statuses) {
        return statuses.stream().map(Enum::name).toList();
    }

    private static PlanRecord row(ResultSet rs, int rowNum) throws SQLException {
        Object feasible = rs.getObject("feasible");
        return new PlanRecord(rs.getString("id"), rs.getString("name"), PlanStatus.valueOf(rs.getString("status")),
                rs.getString("status_reason"), rs.getInt("run_number"), rs.getString("problem_json"),
                rs.getString("plan_json"), rs.getString("score"), feasible == null ? null : rs.getBoolean("feasible"),
                rs.getString("kpis_json"), rs.getObject("best_score_updated_at", OffsetDateTime.class),
                rs.getObject("created_at", OffsetDateTime.class), rs.getObject("updated_at", OffsetDateTime.class),
                rs.getString("idempotency_key"), rs.getString("request_hash"));
    }
}

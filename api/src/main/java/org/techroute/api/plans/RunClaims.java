package org.techroute.api.plans;

import static org.techroute.api.plans.PlanRepository.UNDER_WAY;
import static org.techroute.api.plans.PlanRepository.names;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Claims: which instance queues, solves or re-optimizes a plan (several instances on one database), and the
 * status changes that go with taking a run over. Conditional updates, atomic per row; PostgreSQL claims the next
 * queued plan with {@code FOR UPDATE SKIP LOCKED}.
 */
@Repository
public class RunClaims {

    private final JdbcClient jdbc;
    private final boolean postgres;
    private final StatusCache statusCache;

    /** Portable SQL only (claims by conditional updates). */
    public RunClaims(JdbcClient jdbc) {
        this(jdbc, false, new StatusCache());
    }

    RunClaims(JdbcClient jdbc, boolean postgres, StatusCache statusCache) {
        this.jdbc = jdbc;
        this.postgres = postgres;
        this.statusCache = statusCache;
    }

    @Autowired
    public RunClaims(JdbcClient jdbc, DataSource dataSource, StatusCache statusCache) {
        this(jdbc, PlanRepository.isPostgres(dataSource), statusCache);
    }

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
     * A queued plan starts solving for {@code owner}: QUEUED to SOLVING, claimed, and its solve count up by
     * one. False when it is not QUEUED or another instance holds a live claim.
     */
    public boolean startSolving(String id, String owner, OffsetDateTime until, OffsetDateTime now) {
        return statusCache.written(id, jdbc.sql(
                "UPDATE plan SET status = 'SOLVING', status_reason = NULL, updated_at = :now,"
                + " claimed_by = :owner, claimed_until = :until, solve_count = solve_count + 1"
                + " WHERE id = :id AND status IN (:queued)"
                + " AND (claimed_by IS NULL OR claimed_by = :owner OR claimed_until < :now)")
                .param("owner", owner).param("until", until).param("id", id).param("now", now)
                .param("queued", names(List.of(PlanStatus.QUEUED))).update(), jdbc);
    }

    /**
     * Claims the oldest QUEUED plan that nobody holds (or whose claim expired) for {@code owner}; its id, or
     * empty. PostgreSQL: one {@code UPDATE ... FOR UPDATE SKIP LOCKED}; other databases: conditional updates.
     */
    public Optional<String> claimNextQueued(String owner, OffsetDateTime until, OffsetDateTime now) {
        if (postgres) {
            return jdbc.sql("""
                    UPDATE plan SET claimed_by = :owner, claimed_until = :until
                    WHERE id = (SELECT id FROM plan WHERE status IN (:queued)
                                  AND (claimed_by IS NULL OR claimed_until < :now)
                                ORDER BY created_at FOR UPDATE SKIP LOCKED LIMIT 1)
                    RETURNING id""").param("queued", names(List.of(PlanStatus.QUEUED))).param("owner", owner).param("until", until).param("now", now)
                    .query(String.class).optional();
        }
        for (String id : jdbc.sql("SELECT id FROM plan WHERE status IN (:queued) AND (claimed_by IS NULL"
                + " OR claimed_until < :now) ORDER BY created_at LIMIT 20").param("now", now)
                .param("queued", names(List.of(PlanStatus.QUEUED))).query(String.class)
                .list()) {
            if (claim(id, List.of(PlanStatus.QUEUED), owner, until, now)) {
                return Optional.of(id);
            }
        }
        return Optional.empty();
    }

    /**
     * Runs in progress (VALIDATING, QUEUED or SOLVING) that no live instance holds: unclaimed or expired, or,
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

    /** Starts a new run of a plan left unfinished (resume): back to QUEUED, claimed by {@code owner}. */
    public boolean restartRun(String id, int runNumber, String owner, OffsetDateTime until, OffsetDateTime now,
            boolean anyClaim) {
        return statusCache.written(id, jdbc.sql(
                "UPDATE plan SET status = 'QUEUED', status_reason = NULL, run_number = :run,"
                + " updated_at = :now, claimed_by = :owner, claimed_until = :until WHERE id = :id"
                + " AND status IN (:underWay)"
                + (anyClaim ? "" : " AND (claimed_by IS NULL OR claimed_until < :now)"))
                .param("run", runNumber).param("now", now).param("owner", owner).param("until", until)
                .param("id", id).param("underWay", names(UNDER_WAY)).update(), jdbc);
    }

    /** Marks a run left unfinished STOPPED (giving its claim back). */
    public boolean stopOrphan(String id, String reason, OffsetDateTime now, boolean anyClaim) {
        return statusCache.written(id, jdbc.sql(
                "UPDATE plan SET status = 'STOPPED', status_reason = :reason, updated_at = :now,"
                + " claimed_by = NULL, claimed_until = NULL WHERE id = :id"
                + " AND status IN (:underWay)"
                + (anyClaim ? "" : " AND (claimed_by IS NULL OR claimed_until < :now)"))
                .param("reason", reason).param("now", now).param("id", id).param("underWay", names(UNDER_WAY))
                .update(), jdbc);
    }
}

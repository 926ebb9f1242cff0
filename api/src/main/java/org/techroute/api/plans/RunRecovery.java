package org.techroute.api.plans;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.techroute.api.config.TechrouteProperties;
import org.techroute.data.json.ProblemFormatException;
import org.techroute.data.validation.InvalidProblemException;

/**
 * Restart recovery: runs left unfinished, and plans waiting for a solver anywhere. It decides when and which;
 * {@link PlanRuns} makes the status changes.
 * <p>
 * At startup, runs a previous process left VALIDATING, QUEUED or SOLVING (it was killed) are marked STOPPED
 * ({@code techroute.solver.on-restart=stop}, the default) or solved again from their last saved plan in a new
 * run ({@code resume}). A single instance (the default) treats every such run as left unfinished; with
 * {@code techroute.cluster.enabled=true} only runs whose claim expired count, the others belong to live
 * instances.
 * <p>
 * In cluster mode every instance also polls: runs (VALIDATING, SOLVING) of instances that died, found by their
 * expired claim, are stopped or resumed the same way, and QUEUED plans that no live instance holds are claimed
 * and solved here while this instance has room.
 */
@Component
public class RunRecovery {

    private static final Logger LOG = LoggerFactory.getLogger(RunRecovery.class);
    private static final Set<PlanStatus> UNDER_WAY = EnumSet.of(PlanStatus.VALIDATING, PlanStatus.QUEUED,
            PlanStatus.SOLVING);
    private static final Set<PlanStatus> STARTED = EnumSet.of(PlanStatus.VALIDATING, PlanStatus.SOLVING);

    private final PlanRepository repository;
    private final RunClaims claims;
    private final PlanRuns runs;
    private final TechrouteProperties.OnRestart onRestart;
    private final boolean cluster;

    public RunRecovery(PlanRepository repository, RunClaims claims, PlanRuns runs, TechrouteProperties properties) {
        this.repository = repository;
        this.claims = claims;
        this.runs = runs;
        this.onRestart = properties.solver().onRestart();
        this.cluster = properties.cluster().enabled();
    }

    @EventListener(ApplicationReadyEvent.class)
    public void recoverAtStartup() {
        boolean all = !cluster;
        for (String id : claims.orphans(cluster ? STARTED : UNDER_WAY, now(), all)) {
            recover(id, all);
        }
    }

    /** Cluster mode: take over runs of dead instances, and claim waiting plans while there is room. */
    @Scheduled(fixedDelayString = "${techroute.cluster.poll-interval:PT2S}",
            initialDelayString = "${techroute.cluster.poll-interval:PT2S}")
    public void poll() {
        if (!cluster) {
            return;
        }
        try {
            for (String id : claims.orphans(STARTED, now(), false)) {
                if (!runs.has(id)) {
                    recover(id, false);
                }
            }
            while (true) {
                Optional<SolverSlots.Reservation> room = runs.starts().room();
                if (room.isEmpty()) {
                    return;
                }
                ClusterLease lease = runs.lease();
                Optional<String> claimed = claims.claimNextQueued(lease.instanceId(), lease.until(), now());
                PlanRecord record = claimed.flatMap(repository::findById).orElse(null);
                if (record == null || runs.has(record.id())) {
                    room.get().release();
                    if (claimed.isEmpty()) {
                        return;
                    }
                    continue;
                }
                runs.starts().startClaimed(room.get(), record);
            }
        } catch (RuntimeException e) {
            LOG.warn("cannot poll for plans to solve", e);
        }
    }

    /** A run left unfinished: stopped, or solved again in a new run (resume). */
    void recover(String id, boolean anyClaim) {
        PlanRecord record = repository.findById(id).orElse(null);
        if (record == null) {
            return;
        }
        if (onRestart == TechrouteProperties.OnRestart.RESUME) {
            Optional<SolverSlots.Reservation> room = runs.starts().room();
            if (room.isPresent()) {
                if (runs.starts().resume(room.get(), record, anyClaim)) {
                    LOG.info("plan {}: resuming from its last saved plan (run {})", id, record.runNumber() + 1);
                }
                return;
            }
            runs.starts().stopLeftOver(id, "the service stopped before this run ended, and there was no room to resume it",
                    anyClaim);
            return;
        }
        if (runs.starts().stopLeftOver(id, "the service stopped before this run ended", anyClaim)) {
            LOG.info("plan {}: marked STOPPED, its run was left unfinished", id);
        }
    }

    /** Why a stored plan cannot be solved, in words for a status reason (never a Java class or raw exception text). */
    static String reasonOf(Exception e) {
        if (e instanceof InvalidProblemException invalid) {
            return invalid.violations().stream().map(v -> (v.path() == null ? "" : v.path() + ": ") + v.message())
                    .limit(5).collect(Collectors.joining("; "));
        }
        if (e instanceof ProblemFormatException) {
            return "the stored document cannot be read (the error is in the service log)";
        }
        return "the error is in the service log";
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}

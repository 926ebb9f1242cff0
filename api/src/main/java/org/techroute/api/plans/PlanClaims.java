package org.techroute.api.plans;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.techroute.api.config.TechrouteProperties;
import org.techroute.data.json.ProblemJson;
import org.techroute.data.mapping.MappedProblem;
import org.techroute.data.model.Problem;
import org.techroute.data.solve.Planner;

/**
 * Runs left unfinished, and plans waiting for a solver anywhere.
 * <p>
 * At startup, runs a previous process left VALIDATING, SCHEDULED or SOLVING (it was killed) are marked STOPPED
 * ({@code techroute.solver.on-restart=stop}, the default) or solved again from their last saved plan in a new
 * run ({@code resume}). A single instance (the default) treats every such run as left unfinished; with
 * {@code techroute.cluster.enabled=true} only runs whose claim expired count, the others belong to live
 * instances.
 * <p>
 * In cluster mode every instance also polls: runs (VALIDATING, SOLVING) of instances that died, found by their
 * expired claim, are stopped or resumed the same way, and SCHEDULED plans that no live instance holds are claimed
 * and solved here while this instance has room.
 */
@Component
public class PlanClaims {

    private static final Logger LOG = LoggerFactory.getLogger(PlanClaims.class);
    private static final Set<PlanStatus> UNDER_WAY = EnumSet.of(PlanStatus.VALIDATING, PlanStatus.SCHEDULED,
            PlanStatus.SOLVING);
    private static final Set<PlanStatus> STARTED = EnumSet.of(PlanStatus.VALIDATING, PlanStatus.SOLVING);

    private final PlanRepository repository;
    private final SolverJobs jobs;
    private final Planner planner;
    private final TechrouteProperties.OnRestart onRestart;
    private final boolean cluster;

    public PlanClaims(PlanRepository repository, SolverJobs jobs, Planner planner, TechrouteProperties properties) {
        this.repository = repository;
        this.jobs = jobs;
        this.planner = planner;
        this.onRestart = properties.solver().onRestart();
        this.cluster = properties.cluster().enabled();
    }

    @EventListener(ApplicationReadyEvent.class)
    public void recoverAtStartup() {
        boolean all = !cluster;
        for (String id : repository.orphans(cluster ? STARTED : UNDER_WAY, now(), all)) {
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
            for (String id : repository.orphans(STARTED, now(), false)) {
                if (!jobs.has(id)) {
                    recover(id, false);
                }
            }
            while (true) {
                Optional<SolverJobs.Reservation> room = jobs.tryReserve();
                if (room.isEmpty()) {
                    return;
                }
                Optional<String> claimed = repository.claimNextScheduled(jobs.instanceId(), jobs.leaseUntil(), now());
                if (claimed.isEmpty()) {
                    room.get().release();
                    return;
                }
                String id = claimed.get();
                PlanRecord record = repository.findById(id).orElse(null);
                if (record == null || jobs.has(id)) {
                    room.get().release();
                    continue;
                }
                start(room.get(), record, record.runNumber());
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
            Optional<SolverJobs.Reservation> room = jobs.tryReserve();
            if (room.isPresent()) {
                int run = record.runNumber() + 1;
                if (repository.restartRun(id, run, jobs.instanceId(), jobs.leaseUntil(), now(), anyClaim)) {
                    LOG.info("plan {}: resuming from its last saved plan (run {})", id, run);
                    start(room.get(), record, run);
                } else {
                    room.get().release();
                }
                return;
            }
            repository.stopOrphan(id, "the service stopped before this run ended, and there was no room to resume"
                    + " it", now(), anyClaim);
            return;
        }
        if (repository.stopOrphan(id, "the service stopped before this run ended", now(), anyClaim)) {
            LOG.info("plan {}: marked STOPPED, its run was left unfinished", id);
        }
    }

    private void start(SolverJobs.Reservation room, PlanRecord record, int run) {
        boolean queued = false;
        try {
            Problem document = ProblemJson.read(record.document());
            MappedProblem mapped = planner.prepare(document);
            jobs.start(room, record.id(), run, mapped);
            queued = true;
        } catch (Exception e) {
            LOG.warn("plan {} cannot be solved: {}", record.id(), e.toString());
            repository.finish(record.id(), EnumSet.of(PlanStatus.SCHEDULED), PlanStatus.FAILED,
                    "the stored plan cannot be solved again: " + e.getMessage(), null, now(), jobs.instanceId());
        } finally {
            if (!queued) {
                room.release();
            }
        }
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}

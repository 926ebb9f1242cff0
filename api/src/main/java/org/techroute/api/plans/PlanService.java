package org.techroute.api.plans;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.techroute.api.config.TechrouteProperties;
import org.techroute.api.errors.ApiException;
import org.techroute.api.errors.ProblemTypes;
import org.techroute.data.changes.ChangeApplier;
import org.techroute.data.changes.LiveProblemChange;
import org.techroute.data.changes.PlanChangeRequest;
import org.techroute.data.changes.PlanDiff;
import org.techroute.data.json.ProblemFormatException;
import org.techroute.data.json.ProblemJson;
import org.techroute.data.mapping.MappedProblem;
import org.techroute.data.model.ConstraintMatch;
import org.techroute.data.model.Kpis;
import org.techroute.data.model.Problem;
import org.techroute.data.model.Violation;
import org.techroute.data.solve.Planner;
import org.techroute.data.travel.TravelMatrices;
import org.techroute.data.validation.InvalidProblemException;
import org.techroute.data.validation.ProblemValidator;
import org.techroute.data.validation.ValidationReport;

/**
 * Plans: submitting (validate, store, queue), reading, stopping, deleting and solving again. A submit with an
 * {@code Idempotency-Key} that was seen before returns the plan it made, never a second job.
 */
@Service
public class PlanService {

    static final Set<PlanStatus> FINISHED = EnumSet.of(PlanStatus.SOLVED, PlanStatus.STOPPED, PlanStatus.FAILED);

    private final PlanRepository repository;
    private final ProblemValidator validator;
    private final TravelMatrices matrices;
    private final Planner planner;
    private final SolverJobs jobs;
    private final PlanEvents events;
    private final ObjectMapper mapper;
    private final int maxPageSize;
    private final Duration changeWait;
    private final Object[] planLocks = new Object[64];

    public PlanService(PlanRepository repository, ProblemValidator validator, TravelMatrices matrices,
            Planner planner, SolverJobs jobs, PlanEvents events, ObjectMapper mapper, TechrouteProperties properties) {
        this.repository = repository;
        this.validator = validator;
        this.matrices = matrices;
        this.planner = planner;
        this.jobs = jobs;
        this.events = events;
        this.mapper = mapper;
        this.maxPageSize = properties.api().maxPageSize();
        this.changeWait = properties.changes().responseWait();
        for (int i = 0; i < planLocks.length; i++) {
            planLocks[i] = new Object();
        }
    }

    /**
     * What a change request did.
     *
     * @param mode        {@code LIVE}: put into the running solver (same run); {@code RESTARTED}: the run was
     *                    stopped and a new one started from the changed plan (cancellations, removed shifts);
     *                    {@code NEW_RUN}: the plan was not being solved, a new run started from the changed plan
     * @param pending     true when no best solution of the changed plan came within {@code techroute.changes.wait}:
     *                    follow {@code GET .../changes/{changeId}}; {@code diff} is then absent
     * @param diff        what moved between {@code basedOn} and the first best solution after the change
     * @param changeId    the change, for {@code GET /api/plans/{id}/changes/{changeId}} (the diff against the
     *                    re-plan's newest and final best solutions)
     * @param provisional true: {@code diff} describes the first best solution only; the solver goes on
     * @param basedOn     the plan version the change was applied to, with the started visits it pinned (absent
     *                    while the solver has not taken the change yet)
     */
    @JsonPropertyOrder({ "planId", "changeId", "mode", "run", "pending", "provisional", "basedOn", "diff" })
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ChangeResult(String planId, String mode, int run, boolean pending, PlanDiff diff, String changeId,
            boolean provisional, ChangeTrack.BasedOn basedOn) {

        public ChangeResult(String planId, String mode, int run, boolean pending, PlanDiff diff) {
            this(planId, mode, run, pending, diff, null, diff != null, null);
        }
    }

    /**
     * Applies live changes to a plan. Invalid changes get 422 and change nothing. A plan being solved here takes
     * them without restarting when it can ({@link LiveProblemChange#canApplyLive}), applied to the routes its
     * solver is working on ({@link SolverJobs#changeLive}); otherwise its run is stopped and a new run solves the
     * changed plan. A plan that is not being solved gets a new run from the changed plan, at the priority of the
     * day in progress. Either way the answer waits (bounded) for the first best solution of the changed plan.
     */
    public ChangeResult change(String id, PlanChangeRequest request) {
        synchronized (planLocks[Math.floorMod(id.hashCode(), planLocks.length)]) {
            find(id);
            // 422 before anything is stopped or stored
            ChangeApplier.apply(stored(id).document(), request);
            String mode = "NEW_RUN";
            if (jobs.has(id)) {
                if (LiveProblemChange.canApplyLive(request, stored(id).document())) {
                    Optional<SolverJobs.LiveChange> live = jobs.changeLive(id,
                            base -> ChangeApplier.apply(base, request), planner::prepare,
                            changed -> repository.updateLiveDocuments(id, ProblemJson.write(changed.withSolution(
                                    null)), ProblemJson.write(changed), SolverJobs.RUNNING, now()));
                    if (live.isPresent()) {
                        Optional<ChangeResult> answer = await(id, "LIVE", live.get().run(), live.get().track(),
                                live.get().firstBest());
                        if (answer.isPresent()) {
                            return answer.get();
                        }
                        // the run ended before its solver took the change: nothing was changed; a new run takes it
                    }
                }
                jobs.stop(id, "re-planning after a change that cannot go into the running solver");
                if (!jobs.awaitEnd(id, Duration.ofSeconds(30))) {
                    throw ApiException.conflict("plan '" + id + "' did not stop in time for the change; try again");
                }
                mode = "RESTARTED";
            }
            PlanRecord record = find(id);
            if (record.status().isActive()) {
                throw ApiException.conflict("plan '" + id + "' is " + record.status() + " (validating, or being"
                        + " solved by another instance); try again");
            }
            Problem before = stored(id).document();
            Problem changed = ChangeApplier.apply(before, request);
            SolverJobs.Reservation reservation = jobs.reserve();
            boolean queued = false;
            try {
                MappedProblem mapped = planner.prepare(changed);
                if (!repository.updateLiveDocuments(id, ProblemJson.write(changed.withSolution(null)),
                        ProblemJson.write(changed), FINISHED, now())) {
                    throw ApiException.conflict("plan '" + id + "' changed meanwhile; try again");
                }
                int run = record.runNumber() + 1;
                if (!repository.startRun(id, FINISHED, run, now())) {
                    throw ApiException.conflict("plan '" + id + "' changed meanwhile; try again");
                }
                String newRunMode = mode;
                ChangeTrack track = jobs.newTrack(id, newRunMode, run);
                track.applied(before, changed);
                CompletableFuture<Problem> first = jobs.start(reservation, id, run, mapped,
                        SolverJobs.Priority.DAY_IN_PROGRESS, track);
                queued = true;
                return await(id, newRunMode, run, track, first).orElseGet(() -> pending(id, newRunMode, run,
                        track));
            } finally {
                if (!queued) {
                    reservation.release();
                }
            }
        }
    }

    /**
     * The answer once the first best solution after the change came (bounded wait), or pending; empty when the run
     * ended before its solver took the change. A change the solver could not apply to its routes is a 422.
     */
    private Optional<ChangeResult> await(String id, String mode, int run, ChangeTrack track,
            CompletableFuture<Problem> first) {
        try {
            Problem after = first.get(changeWait.toMillis(), TimeUnit.MILLISECONDS);
            return Optional.of(new ChangeResult(id, mode, run, false, PlanDiff.between(track.before(),
                    after.solution()), track.id(), true, track.basedOn()));
        } catch (ExecutionException e) {
            if (e.getCause() instanceof InvalidProblemException invalid) {
                throw invalid;
            }
            if (e.getCause() instanceof SolverJobs.ChangeNotApplied) {
                return Optional.empty();
            }
            return Optional.of(pending(id, mode, run, track));
        } catch (TimeoutException | java.util.concurrent.CancellationException e) {
            return Optional.of(pending(id, mode, run, track));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of(pending(id, mode, run, track));
        }
    }

    private static ChangeResult pending(String id, String mode, int run, ChangeTrack track) {
        return new ChangeResult(id, mode, run, true, null, track.id(), true, track.basedOn());
    }

    /** A change as it stands now: the diff between the version it was applied to and the newest best after it. */
    public ChangeTrack.View changeView(String id, String changeId) {
        find(id);
        return jobs.track(id, changeId).map(ChangeTrack::view)
                .orElseThrow(() -> ApiException.notFound("change", changeId));
    }

    /** Marks a plan for nightly re-optimization (or not). */
    public boolean setNightly(String id, boolean enabled) {
        find(id);
        repository.setNightly(id, enabled);
        return repository.isNightly(id);
    }

    public boolean nightly(String id) {
        find(id);
        return repository.isNightly(id);
    }

    /** The outcome of a submit: the plan, and whether this request made it (false: an idempotent replay). */
    public record Submission(PlanStatusView plan, boolean created) {
    }

    /** A stored plan with its document (the plan if solved at least once, else the problem) read back. */
    public record StoredPlan(PlanRecord record, Problem document) {
    }

    public Submission submit(Problem problem, String idempotencyKey, String requestHash) {
        checkKey(idempotencyKey);
        Optional<Submission> replay = replay(idempotencyKey, requestHash);
        if (replay.isPresent()) {
            return replay.get();
        }
        precheck(problem);
        SolverJobs.Reservation reservation = jobs.reserve();
        boolean queued = false;
        try {
            String id = UUID.randomUUID().toString();
            OffsetDateTime now = now();
            try {
                repository.insert(new PlanRecord(id, problem.name(), PlanStatus.VALIDATING, null, 1,
                        ProblemJson.write(problem), null, null, null, null, null, now, now, idempotencyKey,
                        requestHash));
            } catch (DuplicateKeyException e) {
                // the same key in a concurrent request
                return replay(idempotencyKey, requestHash).orElseThrow(() -> ApiException.conflict(
                        "a request with this Idempotency-Key is being handled; try again"));
            }
            // held by this instance from the start, so that no other instance takes it for a run left unfinished
            repository.claim(id, EnumSet.of(PlanStatus.VALIDATING), jobs.instanceId(), jobs.leaseUntil(), now);
            MappedProblem mapped;
            try {
                mapped = planner.prepare(problem);
            } catch (RuntimeException e) {
                repository.delete(id);
                throw e;
            }
            if (!repository.updateStatus(id, EnumSet.of(PlanStatus.VALIDATING), PlanStatus.SCHEDULED, null, now())) {
                throw ApiException.conflict("the plan was deleted while it was validated");
            }
            jobs.start(reservation, id, 1, mapped);
            queued = true;
            return new Submission(status(id), true);
        } finally {
            if (!queued) {
                reservation.release();
            }
        }
    }

    public PlanPage list(int limit, int offset) {
        if (limit < 1 || limit > maxPageSize || offset < 0) {
            throw ApiException.badRequest("invalid paging", List.of(new Violation("limit", null,
                    "limit must be between 1 and " + maxPageSize + " and offset at least 0")));
        }
        List<PlanSummary> items = repository.list(limit, offset).stream().map(this::summary).toList();
        return new PlanPage(items, limit, offset, repository.count());
    }

    /** The plan document as stored (JSON), or the problem before the first best solution was saved. */
    public String document(String id) {
        return find(id).document();
    }

    public StoredPlan stored(String id) {
        PlanRecord record = find(id);
        try {
            return new StoredPlan(record, ProblemJson.read(record.document()));
        } catch (ProblemFormatException e) {
            throw new IllegalStateException("stored plan " + id + " cannot be read: " + e.getMessage(), e);
        }
    }

    public PlanStatusView status(String id) {
        return view(repository.findSummaryById(id).orElseThrow(() -> ApiException.notFound("plan", id)));
    }

    public PlanAnalysis analysis(String id) {
        StoredPlan plan = stored(id);
        var solution = plan.document().solution();
        if (solution == null) {
            throw ApiException.conflict("plan '" + id + "' has no solution yet; analysis is available once the"
                    + " first best solution is saved");
        }
        List<PlanAnalysis.ConstraintShare> shares = solution.constraints() == null ? List.of()
                : solution.constraints().stream().map(c -> {
                    List<ConstraintMatch> matches = c.matches() == null ? List.of() : c.matches();
                    Set<String> visitIds = new LinkedHashSet<>();
                    Set<String> shiftIds = new LinkedHashSet<>();
                    matches.forEach(m -> {
                        if (m.visitId() != null) {
                            visitIds.add(m.visitId());
                        }
                        if (m.shiftId() != null) {
                            shiftIds.add(m.shiftId());
                        }
                    });
                    return new PlanAnalysis.ConstraintShare(c.constraint(), c.level(), c.weight(), c.unit(),
                            c.score(), c.matchCount(), List.copyOf(visitIds), List.copyOf(shiftIds), matches);
                }).toList();
        return new PlanAnalysis(id, solution.score(), solution.feasible(), shares,
                solution.unassignedVisits() == null ? List.of() : solution.unassignedVisits());
    }

    /** Stops a plan's run early, keeping its best plan (STOPPED). Asynchronous: the status follows shortly. */
    public PlanStatusView stop(String id) {
        PlanRecord record = find(id);
        if (!jobs.stop(id, "stopped on request") && record.status().isActive()) {
            repository.updateStatus(id, EnumSet.of(record.status()), PlanStatus.STOPPED, "stopped on request", now());
        }
        return status(id);
    }

    /** Removes a plan, stopping its run first. */
    public void delete(String id) {
        find(id);
        jobs.stop(id, "the plan was deleted");
        repository.delete(id);
        jobs.forgetChanges(id);
        events.complete(id);
    }

    /** Starts a new solving run of a finished plan from its current routes. */
    public Submission solveAgain(String id) {
        PlanRecord record = find(id);
        if (record.status().isActive()) {
            throw ApiException.conflict("plan '" + id + "' is " + record.status() + "; stop it first or wait");
        }
        SolverJobs.Reservation reservation = jobs.reserve();
        boolean queued = false;
        try {
            Problem document = stored(id).document();
            MappedProblem mapped = planner.prepare(document);
            int run = record.runNumber() + 1;
            if (!repository.startRun(id, FINISHED, run, now())) {
                throw ApiException.conflict("plan '" + id + "' changed meanwhile; try again");
            }
            jobs.start(reservation, id, run, mapped);
            queued = true;
            return new Submission(status(id), true);
        } finally {
            if (!queued) {
                reservation.release();
            }
        }
    }

    /** Replaces the problem and plan documents of a plan that is not being solved; 409 while it is. */
    public void replaceDocuments(String id, Problem problem, Problem plan) {
        try {
            var solution = plan.solution();
            PlanRepository.BestPlan best = new PlanRepository.BestPlan(ProblemJson.write(plan), solution.score(),
                    solution.feasible(), mapper.writeValueAsString(solution.kpis()), now());
            if (!repository.replaceDocuments(id, ProblemJson.write(problem), best, FINISHED)) {
                find(id);
                throw ApiException.conflict("plan '" + id + "' is being solved; stop it or wait until it ends");
            }
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** SHA-256 of a request body, to tell a retried request from a different one with the same key. */
    public static String hash(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String hash(String body) {
        return hash(body.getBytes(StandardCharsets.UTF_8));
    }

    SolverEvents.Status statusEvent(String id) {
        PlanStatusView view = status(id);
        return new SolverEvents.Status(id, view.status(), view.run(), view.reason(), view.score(), view.feasible());
    }

    private Optional<Submission> replay(String key, String hash) {
        if (key == null) {
            return Optional.empty();
        }
        return repository.findByIdempotencyKey(key).map(existing -> {
            if (!Objects.equals(existing.requestHash(), hash)) {
                throw new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, ProblemTypes.IDEMPOTENCY_KEY_REUSED,
                        "Idempotency-Key reused", "this Idempotency-Key was used for a different request body (plan '"
                                + existing.id() + "')").with("planId", existing.id());
            }
            return new Submission(view(existing), false);
        });
    }

    /** The cheap checks (no travel matrix yet), so that invalid problems get 422 whatever the load. */
    private void precheck(Problem problem) {
        ValidationReport report = validator.validate(problem);
        if (!report.isValid()) {
            throw new InvalidProblemException(report.errors());
        }
        matrices.requireSupported(problem.optionsOrDefaults().effectiveTravelMode());
    }

    private static void checkKey(String key) {
        if (key != null && (key.isBlank() || key.length() > 200 || !key.chars().allMatch(c -> c > 32 && c < 127))) {
            throw ApiException.badRequest("invalid Idempotency-Key", List.of(new Violation("Idempotency-Key", null,
                    "must be 1 to 200 visible ASCII characters")));
        }
    }

    private PlanRecord find(String id) {
        return repository.findById(id).orElseThrow(() -> ApiException.notFound("plan", id));
    }

    private PlanStatusView view(PlanRecord r) {
        Optional<SolverJobs.Live> live = jobs.live(r.id());
        if (live.isPresent() && live.get().score() != null) {
            SolverJobs.Live l = live.get();
            PlanStatus status = r.status().canMoveTo(l.status()) ? l.status() : r.status();
            return new PlanStatusView(r.id(), r.name(), status, r.runNumber(), l.score(), l.feasible(), l.bestAt(),
                    r.statusReason(), r.createdAt(), r.updatedAt());
        }
        return new PlanStatusView(r.id(), r.name(), r.status(), r.runNumber(), r.score(), r.feasible(),
                r.bestScoreUpdatedAt(), r.statusReason(), r.createdAt(), r.updatedAt());
    }

    private PlanSummary summary(PlanRecord r) {
        PlanStatusView view = view(r);
        Kpis kpis = null;
        if (r.kpisJson() != null) {
            try {
                kpis = mapper.readValue(r.kpisJson(), Kpis.class);
            } catch (JsonProcessingException e) {
                kpis = null;
            }
        }
        return new PlanSummary(r.id(), r.name(), view.status(), r.runNumber(), view.score(), view.feasible(), kpis,
                r.createdAt(), r.updatedAt());
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}

package org.techroute.api.plans;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.techroute.api.config.TechrouteProperties;
import org.techroute.api.errors.ApiException;
import org.techroute.api.errors.ErrorTypes;
import org.techroute.data.json.ProblemFormatException;
import org.techroute.data.json.ProblemJson;
import org.techroute.data.model.ConstraintMatch;
import org.techroute.data.model.Kpis;
import org.techroute.data.model.Problem;
import org.techroute.data.model.Violation;
import org.techroute.data.travel.TravelMatrices;
import org.techroute.data.validation.InvalidProblemException;
import org.techroute.data.validation.ProblemValidator;
import org.techroute.data.validation.ValidationReport;

/**
 * Plans as clients see them: submitting (validate, store, hand to {@link PlanRuns}), reading, stopping, deleting
 * and solving again. A submit with an {@code Idempotency-Key} that was seen before returns the plan it made, never
 * a second run. Live changes: {@link PlanChanges}.
 */
@Service
public class PlanService {

    private final PlanRepository repository;
    private final ProblemValidator validator;
    private final TravelMatrices matrices;
    private final PlanRuns runs;
    private final ObjectMapper mapper;
    private final int maxPageSize;

    public PlanService(PlanRepository repository, ProblemValidator validator, TravelMatrices matrices, PlanRuns runs,
            ObjectMapper mapper, TechrouteProperties properties) {
        this.repository = repository;
        this.validator = validator;
        this.matrices = matrices;
        this.runs = runs;
        this.mapper = mapper;
        this.maxPageSize = properties.api().maxPageSize();
    }

    /** The outcome of a submit: the plan, and whether this request made it (false: an idempotent replay). */
    public record Submission(PlanStatusView plan, boolean created) {
    }

    /** A stored plan with its document (the plan if solved at least once, else the problem) read back. */
    public record StoredPlan(PlanRecord record, Problem document) {
    }

    /** Validates, stores and queues a new plan; an Idempotency-Key seen before returns the plan it made. */
    public Submission submit(Problem problem, String idempotencyKey, String requestHash) {
        checkKey(idempotencyKey);
        Optional<Submission> replay = replay(idempotencyKey, requestHash);
        if (replay.isPresent()) {
            return replay.get();
        }
        precheck(problem);
        runs.slots().requireRoom(problem.optionsOrDefaults().effectiveSearchThreads());
        OffsetDateTime now = now();
        PlanRecord plan = new PlanRecord(UUID.randomUUID().toString(), problem.name(), PlanStatus.VALIDATING, null, 1,
                ProblemJson.write(problem), null, null, null, null, null, now, now, idempotencyKey, requestHash);
        try {
            runs.submit(plan, problem);
        } catch (DuplicateKeyException e) {
            // the same key in a concurrent request
            return replay(idempotencyKey, requestHash).orElseThrow(() -> ApiException.conflict(
                    "a request with this Idempotency-Key is being handled; try again"));
        }
        return new Submission(status(plan.id()), true);
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
        return view(repository.findStatusById(id).orElseThrow(() -> ApiException.notFound("plan", id)));
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
        runs.stop(find(id), "stopped on request");
        return status(id);
    }

    /** Removes a plan, stopping its run first. */
    public void delete(String id) {
        PlanRecord plan = find(id);
        runs.stop(plan.id(), "the plan was deleted");
        repository.delete(id);
        runs.deleted(id);
    }

    /** Starts a new solving run of a finished plan from its current routes. */
    public Submission solveAgain(String id) {
        StoredPlan plan = stored(id);
        if (plan.record().status().isActive()) {
            throw ApiException.conflict("plan '" + id + "' is " + plan.record().status() + "; stop it first or wait");
        }
        runs.newRun(plan.record(), plan.document(), false, null, null);
        return new Submission(status(id), true);
    }

    /** Replaces the problem and plan documents of a plan that is not being solved; 409 while it is. */
    public void replaceDocuments(String id, Problem problem, Problem plan) {
        PlanRepository.BestPlan best = PlanRepository.BestPlan.of(plan, mapper, now());
        if (!repository.replaceDocuments(id, ProblemJson.write(problem), best, PlanRuns.FINISHED)) {
            find(id);
            throw ApiException.conflict("plan '" + id + "' is being solved; stop it or wait until it ends");
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
                throw new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, ErrorTypes.IDEMPOTENCY_KEY_REUSED,
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

    PlanRecord find(String id) {
        return repository.findById(id).orElseThrow(() -> ApiException.notFound("plan", id));
    }

    private PlanStatusView view(PlanRecord r) {
        Optional<PlanRuns.Live> live = runs.live(r.id()).filter(l -> r.status().isActive() && l.run() == r.runNumber());
        if (live.isPresent() && live.get().score() != null) {
            PlanRuns.Live l = live.get();
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

package org.techroute.api.recommendations;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import ai.timefold.solver.core.api.score.analysis.ConstraintAnalysis;
import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import ai.timefold.solver.core.api.solver.RecommendedAssignment;
import ai.timefold.solver.core.api.solver.ScoreAnalysisFetchPolicy;
import ai.timefold.solver.core.api.solver.SolutionManager;
import ai.timefold.solver.core.api.solver.SolverFactory;

import org.springframework.stereotype.Service;
import org.techroute.api.errors.ApiException;
import org.techroute.api.errors.JsonBodies;
import org.techroute.api.plans.PlanService;
import org.techroute.data.mapping.MappedProblem;
import org.techroute.data.model.Problem;
import org.techroute.data.model.Route;
import org.techroute.data.model.Solution;
import org.techroute.data.model.Violation;
import org.techroute.data.model.Visit;
import org.techroute.data.solve.Planner;
import org.techroute.data.validation.InvalidProblemException;
import org.techroute.solver.domain.RoutePlan;
import org.techroute.solver.explain.Blocker;
import org.techroute.solver.explain.ServiceabilityCheck;

/**
 * Where to put a new visit in a stored plan: the plan is mapped again with the visit appended (unassigned; its
 * location joins the travel matrix), and Timefold's {@code recommendAssignment} tries it at every position of
 * every shift. Applying one inserts the visit into the stored problem and route and describes the plan again.
 */
@Service
public class RecommendationService {

    public static final int MAX_LIMIT = 50;

    private final PlanService plans;
    private final Planner planner;

    public RecommendationService(PlanService plans, Planner planner) {
        this.plans = plans;
        this.planner = planner;
    }

    /** A shift and a position in its route (computed while the visit is placed there). */
    record Placement(String shiftId, String technicianId, int position) {
    }

    public RecommendationList recommend(String planId, Visit visit, int limit) {
        checkLimit(limit);
        refuseLinked(linked(visit, "$"));
        Problem document = plans.stored(planId).document();
        return recommend(planId, document, visit, limit, false, "$");
    }

    /**
     * Where a visit of the plan could go instead (an unassigned one: where it could go at all): the plan without
     * it, and the visit tried at every position of every shift. Per shift, the best placement with the rules it
     * breaks, and what stops a technician from ever serving it ({@link ServiceabilityCheck}).
     */
    public RecommendationList recommendExisting(String planId, String visitId, int limit) {
        checkLimit(limit);
        Problem document = plans.stored(planId).document();
        Visit visit = document.visitsOrEmpty().stream().filter(v -> visitId.equals(v.id())).findFirst()
                .orElseThrow(() -> ApiException.notFound("visit", visitId));
        List<Violation> links = linked(visit, "$.visits[" + document.visitsOrEmpty().indexOf(visit) + "]");
        for (int i = 0; i < document.visitsOrEmpty().size(); i++) {
            Visit other = document.visitsOrEmpty().get(i);
            for (int j = 0; j < other.afterOrEmpty().size(); j++) {
                if (visitId.equals(other.afterOrEmpty().get(j).visitId())) {
                    links.add(new Violation("$.visits[" + i + "].after[" + j + "].visitId", other.id(), "visit '"
                            + other.id() + "' follows visit '" + visitId + "': " + NOT_FOR_LINKED));
                }
            }
        }
        refuseLinked(links);
        List<Visit> others = new ArrayList<>(document.visitsOrEmpty());
        others.remove(visit);
        Solution solution = document.solution();
        if (solution != null && solution.routes() != null) {
            List<Route> routes = solution.routes().stream().map(r -> r.visitIds() == null
                    || !r.visitIds().contains(visitId) ? r
                            : r.withVisitsOnly(r.visitIds().stream().filter(id -> !id.equals(visitId)).toList()))
                    .toList();
            solution = Solution.ofRoutes(solution.score(), solution.feasible(), routes);
        }
        Problem without = document.withResources(document.technicians(), document.shifts(), others)
                .withSolution(solution);
        return recommend(planId, without, visit.pin() == null ? visit : visit.withPin(null), limit, true,
                "$.visits[" + document.visitsOrEmpty().indexOf(visit) + "]");
    }

    static final String NOT_FOR_LINKED = "recommendations are not supported for linked visits (crewId, after): a"
            + " crew is placed as a whole and a dependent visit with the visits it follows; add the visit with the live"
            + " change ADD_VISIT (POST .../changes), which re-plans it with its links";

    /** The links of a visit (its crew, the visits it follows), each named at its path; empty for a plain visit. */
    static List<Violation> linked(Visit visit, String path) {
        List<Violation> links = new ArrayList<>();
        if (visit.crewId() != null) {
            links.add(new Violation(path + ".crewId", visit.id(), "visit '" + visit.id() + "' is in crew '"
                    + visit.crewId() + "': " + NOT_FOR_LINKED));
        }
        if (!visit.afterOrEmpty().isEmpty()) {
            links.add(new Violation(path + ".after", visit.id(), "visit '" + visit.id() + "' follows "
                    + visit.afterOrEmpty().stream().map(a -> "'" + a.visitId() + "'").toList() + ": "
                    + NOT_FOR_LINKED));
        }
        return links;
    }

    private static void refuseLinked(List<Violation> links) {
        if (!links.isEmpty()) {
            throw ApiException.validation("recommendations are not supported for linked visits", links);
        }
    }

    private static void checkLimit(int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw ApiException.badRequest("invalid limit", List.of(new Violation("limit", null,
                    "limit must be between 1 and " + MAX_LIMIT)));
        }
    }

    private RecommendationList recommend(String planId, Problem document, Visit visit, int limit, boolean perShift,
            String visitPath) {
        Problem withVisit = appendVisit(document, visit, document.solution());
        MappedProblem mapped = prepare(withVisit, document.visitsOrEmpty().size(), visitPath);
        SolverFactory<RoutePlan> factory = Planner.recommendationFactory(Planner.settings(withVisit
                .optionsOrDefaults()));
        SolutionManager<RoutePlan, HardMediumSoftLongScore> manager = SolutionManager.create(factory);
        RoutePlan plan = mapped.plan();
        manager.update(plan);
        String current = plan.getScore() == null ? null : plan.getScore().toString();
        org.techroute.solver.domain.Visit entity = plan.getVisits().get(plan.getVisits().size() - 1);
        // with unassigned values allowed, "leave it out" is one of the options tried: no placement
        Function<org.techroute.solver.domain.Visit, Placement> where = v -> v.getShift() == null ? null
                : new Placement(v.getShift().getId(), v.getShift().getTechnician().getId(),
                        v.getShift().getVisits().indexOf(v));
        List<RecommendedAssignment<Placement, HardMediumSoftLongScore>> found = manager.recommendAssignment(plan,
                entity, where, ScoreAnalysisFetchPolicy.FETCH_SHALLOW);
        HardMediumSoftLongScore base = plan.getScore();
        List<Recommendation> all = new ArrayList<>();
        for (RecommendedAssignment<Placement, HardMediumSoftLongScore> r : found) {
            Placement p = r.proposition();
            if (p == null) {
                continue;
            }
            HardMediumSoftLongScore diff = r.scoreAnalysisDiff().score();
            HardMediumSoftLongScore total = base == null ? diff : base.add(diff);
            List<Recommendation.ConstraintDiff> constraints = new ArrayList<>();
            Map<?, ConstraintAnalysis<HardMediumSoftLongScore>> byConstraint = r.scoreAnalysisDiff()
                    .constraintMap();
            byConstraint.values().stream()
                    .filter(c -> !c.score().isZero())
                    .sorted(Comparator.comparing(ConstraintAnalysis::constraintName))
                    .forEach(c -> constraints.add(new Recommendation.ConstraintDiff(c.constraintName(),
                            c.score().toString())));
            all.add(new Recommendation(p.shiftId(), p.technicianId(), p.position(), diff.toString(),
                    total.toString(), total.isFeasible(), constraints));
            if (!perShift && all.size() >= limit) {
                break;
            }
        }
        List<Recommendation> recommendations = all.stream().limit(limit).toList();
        if (!perShift) {
            return new RecommendationList(planId, visit.id(), current, recommendations);
        }
        List<RecommendationList.ShiftOption> shifts = new ArrayList<>();
        for (org.techroute.solver.domain.Shift shift : plan.getShifts()) {
            Recommendation best = all.stream().filter(r -> r.shiftId().equals(shift.getId())).findFirst()
                    .orElse(null);
            Optional<Blocker> blocker = ServiceabilityCheck.blocker(entity, shift);
            List<String> broken = best == null ? List.of() : best.constraints().stream().filter(c -> {
                HardMediumSoftLongScore score = HardMediumSoftLongScore.parseScore(c.scoreDiff());
                return score.hardScore() < 0 || score.mediumScore() < 0;
            }).map(Recommendation.ConstraintDiff::constraint).toList();
            shifts.add(new RecommendationList.ShiftOption(shift.getId(), shift.getTechnician().getId(),
                    best != null && best.feasible() && blocker.isEmpty(), best == null ? null : best.position(),
                    best == null ? null : best.scoreDiff(), broken, blocker.map(Blocker::code).orElse(null),
                    blocker.map(Blocker::detail).orElse(null)));
        }
        return new RecommendationList(planId, visit.id(), current, recommendations, shifts);
    }

    /** Inserts the visit and returns the updated plan document; 409 while the plan is being solved. */
    public Problem apply(String planId, ApplyRequest request) {
        PlanService.StoredPlan stored = plans.stored(planId);
        if (stored.record().status().isActive()) {
            throw ApiException.conflict("plan '" + planId + "' is being solved; stop it or wait until it ends");
        }
        Problem document = stored.document();
        Visit visit = request.visit();
        if (visit != null) {
            refuseLinked(linked(visit, "$.visit"));
        }
        if (document.shiftsOrEmpty().stream().noneMatch(s -> s.id().equals(request.shiftId()))) {
            throw ApiException.validation("unknown shift", List.of(new Violation("$.shiftId", request.shiftId(),
                    "no shift '" + request.shiftId() + "' in the plan")));
        }
        List<Route> routes = new ArrayList<>(document.solution() == null || document.solution().routes() == null
                ? List.of() : document.solution().routes());
        int index = -1;
        for (int i = 0; i < routes.size(); i++) {
            if (request.shiftId().equals(routes.get(i).shiftId())) {
                index = i;
            }
        }
        List<String> visitIds = new ArrayList<>(index < 0 || routes.get(index).visitIds() == null ? List.of()
                : routes.get(index).visitIds());
        long pinned = document.visitsOrEmpty().stream()
                .filter(v -> v.pin() != null && request.shiftId().equals(v.pin().shiftId())).count();
        if (request.position() < pinned || request.position() > visitIds.size()) {
            throw ApiException.validation("position out of range", List.of(new Violation("$.position",
                    request.shiftId(), "position must be between " + pinned + " (after the pinned visits) and "
                            + visitIds.size() + ", got " + request.position())));
        }
        visitIds.add(request.position(), visit.id());
        Route route = Route.ofVisits(request.shiftId(), null, visitIds);
        if (index < 0) {
            routes.add(route);
        } else {
            routes.set(index, route);
        }
        Solution previous = document.solution();
        Solution placed = Solution.ofRoutes(previous == null ? null : previous.score(),
                previous != null && previous.feasible(), routes);
        Problem withVisit = appendVisit(document, visit, placed);
        MappedProblem mapped = prepare(withVisit, document.visitsOrEmpty().size(), "$.visit");
        SolverFactory<RoutePlan> factory = Planner.solverFactory(Planner.settings(withVisit.optionsOrDefaults()));
        SolutionManager.create(factory).update(mapped.plan());
        Problem plan = Planner.describe(mapped, mapped.plan(), factory);
        Problem originalProblem = readProblem(stored.record().problemJson());
        Problem problem = appendVisit(originalProblem, visit, originalProblem.solution());
        plans.replaceDocuments(planId, problem, plan);
        return plan;
    }

    private MappedProblem prepare(Problem withVisit, int visitIndex, String visitPath) {
        try {
            return planner.prepare(withVisit);
        } catch (InvalidProblemException e) {
            List<Violation> violations = JsonBodies.rebase(e.violations(), visitIndex, visitPath);
            throw ApiException.validation("the visit cannot be added (" + violations.size() + " error(s))",
                    violations);
        }
    }

    /** The document with one more visit and the given solution; every other field (its "now" included) kept. */
    static Problem appendVisit(Problem document, Visit visit, Solution solution) {
        List<Visit> visits = new ArrayList<>(document.visitsOrEmpty());
        visits.add(visit);
        return document.withResources(document.technicians(), document.shifts(), visits).withSolution(solution);
    }

    private static Problem readProblem(String json) {
        try {
            return org.techroute.data.json.ProblemJson.read(json);
        } catch (org.techroute.data.json.ProblemFormatException e) {
            throw new IllegalStateException(e);
        }
    }
}

package org.techroute.api.plans;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import ai.timefold.solver.core.api.solver.SolverFactory;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import org.springframework.stereotype.Service;
import org.techroute.api.errors.ApiException;
import org.techroute.data.changes.ChangeApplier;
import org.techroute.data.changes.PlanChange;
import org.techroute.data.changes.PlanChangeRequest;
import org.techroute.data.mapping.MappedProblem;
import org.techroute.data.model.ConstraintMatch;
import org.techroute.data.model.ConstraintScore;
import org.techroute.data.model.Problem;
import org.techroute.data.model.Route;
import org.techroute.data.model.Step;
import org.techroute.data.model.UnassignedVisit;
import org.techroute.data.solve.Planner;
import org.techroute.solver.domain.RoutePlan;

/**
 * What a change request would cost before anything is re-planned ({@code POST /api/plans/{id}/changes/preview}):
 * the change is applied to the stored plan as {@code POST .../changes} would apply it, every route is kept as it
 * stands (a moved visit sits where it was put, the route it left closes the gap), and both plans are scored by the
 * solver's own constraints. The difference per constraint is exact for that plan; the re-plan that follows a real
 * change can only recover some of it. Nothing is stored or solved.
 */
@Service
public class ChangePreviews {

    /** How many new penalties are listed per constraint. */
    static final int MATCHES = 3;

    private final PlanService plans;
    private final Planner planner;

    public ChangePreviews(PlanService plans, Planner planner) {
        this.plans = plans;
        this.planner = planner;
    }

    /**
     * The cost of a change request.
     *
     * @param scoreDiff   after minus before, e.g. {@code 0hard/0medium/-1200000soft}
     * @param broken      the hard and medium constraints the change makes worse (empty: it breaks no rule)
     * @param constraints every constraint whose score changes, with the penalties it adds
     * @param visits      where each visit the change moves or locks would be, and when
     * @param unassigned  visits that were planned before and would not be after
     */
    @JsonPropertyOrder({ "planId", "scoreBefore", "scoreAfter", "scoreDiff", "feasibleBefore", "feasibleAfter",
            "broken", "constraints", "visits", "unassigned" })
    public record Preview(String planId, String scoreBefore, String scoreAfter, String scoreDiff,
            boolean feasibleBefore, boolean feasibleAfter, List<String> broken, List<ConstraintChange> constraints,
            List<VisitPlacement> visits, List<UnassignedVisit> unassigned) {
    }

    /** One constraint's difference; {@code newMatches}: penalties of the changed plan the plan before had not. */
    public record ConstraintChange(String constraint, String level, String scoreDiff, int matchCountDiff,
            List<ConstraintMatch> newMatches) {
    }

    /** Where a visit would be: its shift, position and times, or no shift (unassigned). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record VisitPlacement(String visitId, String shiftId, String technicianId, Integer position,
            OffsetDateTime arrival, OffsetDateTime start, OffsetDateTime end, boolean locked) {
    }

    public Preview preview(String id, PlanChangeRequest request) {
        Problem document = plans.stored(id).document();
        if (document.solution() == null || document.solution().routes() == null) {
            throw ApiException.conflict("plan '" + id + "' has no solution yet; a change can be previewed once the"
                    + " first plan is saved");
        }
        Problem changed = ChangeApplier.apply(document, request); // 422 naming the change
        Problem before = describe(document);
        Problem after = describe(changed);
        HardMediumSoftLongScore scoreBefore = HardMediumSoftLongScore.parseScore(before.solution().score());
        HardMediumSoftLongScore scoreAfter = HardMediumSoftLongScore.parseScore(after.solution().score());

        Map<String, ConstraintScore> was = new HashMap<>();
        for (ConstraintScore c : nonNull(before.solution().constraints())) {
            was.put(c.constraint(), c);
        }
        List<ConstraintChange> constraints = new ArrayList<>();
        List<String> broken = new ArrayList<>();
        for (ConstraintScore now : nonNull(after.solution().constraints())) {
            ConstraintScore then = was.get(now.constraint());
            HardMediumSoftLongScore diff = HardMediumSoftLongScore.parseScore(now.score()).subtract(then == null
                    ? HardMediumSoftLongScore.ZERO : HardMediumSoftLongScore.parseScore(then.score()));
            if (diff.isZero()) {
                continue;
            }
            Set<String> old = new HashSet<>();
            for (ConstraintMatch m : then == null ? List.<ConstraintMatch>of() : nonNull(then.matches())) {
                old.add(m.visitId() + "|" + m.shiftId() + "|" + m.description());
            }
            List<ConstraintMatch> added = nonNull(now.matches()).stream().filter(m -> !old.contains(m.visitId() + "|"
                    + m.shiftId() + "|" + m.description())).limit(MATCHES).toList();
            constraints.add(new ConstraintChange(now.constraint(), now.level(), diff.toString(), now.matchCount()
                    - (then == null ? 0 : then.matchCount()), added));
            if (diff.hardScore() < 0 || diff.mediumScore() < 0) {
                broken.add(now.constraint());
            }
        }
        Set<String> plannedBefore = planned(before);
        List<UnassignedVisit> unassigned = nonNull(after.solution().unassignedVisits()).stream()
                .filter(u -> plannedBefore.contains(u.visitId())).toList();
        return new Preview(id, scoreBefore.toString(), scoreAfter.toString(), scoreAfter.subtract(scoreBefore)
                .toString(), scoreBefore.isFeasible(), scoreAfter.isFeasible(), broken, constraints,
                placements(after, request), unassigned);
    }

    /** The plan document of a problem whose routes are kept as they are, scored and analysed. */
    private Problem describe(Problem problem) {
        MappedProblem mapped = planner.prepare(problem);
        SolverFactory<RoutePlan> factory = Planner.solverFactory(Planner.settings(problem.optionsOrDefaults()));
        return Planner.describe(mapped, mapped.plan(), factory);
    }

    private static Set<String> planned(Problem plan) {
        Set<String> ids = new HashSet<>();
        for (Route route : nonNull(plan.solution().routes())) {
            ids.addAll(nonNull(route.visitIds()));
        }
        return ids;
    }

    private static List<VisitPlacement> placements(Problem after, PlanChangeRequest request) {
        Set<String> named = new LinkedHashSet<>();
        for (PlanChange change : nonNull(request.changes())) {
            if (change instanceof PlanChange.MoveVisit move && move.visitId() != null) {
                named.add(move.visitId());
            } else if (change instanceof PlanChange.LockVisit lock && lock.visitId() != null) {
                named.add(lock.visitId());
            } else if (change instanceof PlanChange.Unpin unpin && unpin.visitId() != null) {
                named.add(unpin.visitId());
            }
        }
        Set<String> locked = new HashSet<>();
        after.visitsOrEmpty().forEach(v -> {
            if (v.pin() != null) {
                locked.add(v.id());
            }
        });
        List<VisitPlacement> placements = new ArrayList<>();
        for (String visitId : named) {
            VisitPlacement found = new VisitPlacement(visitId, null, null, null, null, null, null, false);
            for (Route route : nonNull(after.solution().routes())) {
                int position = nonNull(route.visitIds()).indexOf(visitId);
                if (position < 0) {
                    continue;
                }
                Step service = nonNull(route.steps()).stream().filter(s -> s.type() == Step.StepType.SERVICE
                        && visitId.equals(s.visitId())).findFirst().orElse(null);
                found = new VisitPlacement(visitId, route.shiftId(), route.technicianId(), position,
                        service == null ? null : service.arrival(), service == null ? null : service.start(),
                        service == null ? null : service.end(), locked.contains(visitId));
            }
            placements.add(found);
        }
        return placements;
    }

    private static <T> List<T> nonNull(List<T> list) {
        return list == null ? List.of() : list;
    }
}

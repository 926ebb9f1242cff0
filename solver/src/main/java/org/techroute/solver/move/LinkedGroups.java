package org.techroute.solver.move;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.techroute.solver.domain.RoutePlan;
import org.techroute.solver.domain.Visit;

/**
 * The visits that are placed together or after others: each crew is a group (all its members), and each visit that
 * follows other visits or is followed, and has no crew, is a group of one. Groups come in an order where the groups of the visits a
 * group follows come first (input without cycles, as the validator ensures; a cycle is broken by plan order), most
 * urgent first otherwise.
 */
final class LinkedGroups {

    private LinkedGroups() {
    }

    static List<List<Visit>> of(RoutePlan plan) {
        Map<String, List<Visit>> crews = new LinkedHashMap<>();
        Map<Visit, List<Visit>> groupOf = new IdentityHashMap<>();
        List<List<Visit>> groups = new ArrayList<>();
        for (Visit visit : plan.getVisits()) {
            if (visit.isCrewVisit()) {
                List<Visit> crew = crews.get(visit.getCrewId());
                if (crew == null) {
                    crew = new ArrayList<>();
                    crews.put(visit.getCrewId(), crew);
                    groups.add(crew);
                }
                crew.add(visit);
                groupOf.put(visit, crew);
            } else if (visit.hasDependencies() || visit.isFollowed()) {
                List<Visit> single = new ArrayList<>(List.of(visit));
                groups.add(single);
                groupOf.put(visit, single);
            }
        }
        if (groups.isEmpty()) {
            return List.of();
        }
        groups.sort(Comparator.comparingLong((List<Visit> group) -> group.stream()
                .mapToLong(v -> v.getPriority().unassignedWeight()).max().orElse(0)).reversed());
        // depth-first topological order: a group after the groups of the visits it follows
        List<List<Visit>> ordered = new ArrayList<>();
        Map<List<Visit>, Integer> state = new IdentityHashMap<>(); // 1 visiting, 2 done
        for (List<Visit> group : groups) {
            visit(group, groupOf, state, ordered);
        }
        return ordered;
    }

    private static void visit(List<Visit> group, Map<Visit, List<Visit>> groupOf, Map<List<Visit>, Integer> state,
            List<List<Visit>> ordered) {
        if (state.containsKey(group)) {
            return;
        }
        state.put(group, 1);
        for (Visit member : group) {
            for (Visit before : member.getPredecessors()) {
                List<Visit> first = groupOf.get(before);
                if (first != null && first != group) {
                    visit(first, groupOf, state, ordered);
                }
            }
        }
        state.put(group, 2);
        ordered.add(group);
    }

    /** Per visit, the group it belongs to (identity). */
    static Map<Visit, List<Visit>> index(List<List<Visit>> groups) {
        Map<Visit, List<Visit>> index = new IdentityHashMap<>();
        for (List<Visit> group : groups) {
            for (Visit visit : group) {
                index.put(visit, group);
            }
        }
        return index;
    }

}

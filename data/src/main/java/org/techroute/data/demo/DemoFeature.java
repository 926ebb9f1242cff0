package org.techroute.data.demo;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.Set;

import org.techroute.data.model.Problem;
import org.techroute.data.model.Shift;
import org.techroute.data.model.Visit;
import org.techroute.data.model.VisitAfter;

/**
 * Optional parts of a demo problem, off by default so that a demo of a given seed stays what it was. Each is applied
 * to the generated problem, deterministically.
 */
public enum DemoFeature {

    /** Every shift drives at most an hour ({@code maxTravelSeconds} 3600). */
    TRAVEL_LIMIT("travel-limit"),
    /**
     * Parts on the vans and visits that need them: every van carries filters and valves, one van in three a pump;
     * a visit in four needs one of them.
     */
    PARTS("parts"),
    /**
     * Crews: one visit in ten gets a helper's visit at the same place and times (no skills needed, its own
     * technician); the two form a crew.
     */
    CREWS("crews"),
    /**
     * Dependencies: one visit in ten (not of a crew) gets a follow-up visit at the same place (30 minutes,
     * commissioning) that starts at least an hour after it ends, any day of the problem; every other one on the
     * same technician.
     */
    DEPENDENCIES("dependencies");

    /** The gap between a visit and its demo follow-up ({@link #DEPENDENCIES}). */
    public static final long DEMO_FOLLOW_UP_DELAY_SECONDS = 3600;

    /** The driving limit of {@link #TRAVEL_LIMIT}. */
    public static final long DEMO_MAX_TRAVEL_SECONDS = 3600;

    private final String id;

    DemoFeature(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    /** The features named in a comma-separated list such as {@code travel-limit,parts}; empty for null or blank. */
    public static Set<DemoFeature> parse(String list) {
        Set<DemoFeature> features = EnumSet.noneOf(DemoFeature.class);
        if (list == null || list.isBlank()) {
            return features;
        }
        for (String name : list.split(",")) {
            String wanted = name.trim().toLowerCase(Locale.ROOT);
            DemoFeature feature = null;
            for (DemoFeature candidate : values()) {
                if (candidate.id.equals(wanted)) {
                    feature = candidate;
                }
            }
            if (feature == null) {
                throw new IllegalArgumentException("unknown demo feature '" + name.trim() + "'; known: " + ids());
            }
            features.add(feature);
        }
        return features;
    }

    public static List<String> ids() {
        List<String> ids = new ArrayList<>();
        for (DemoFeature feature : values()) {
            ids.add(feature.id);
        }
        return ids;
    }

    /** The problem with the given features added. */
    public static Problem apply(Problem problem, Set<DemoFeature> features) {
        if (features.isEmpty()) {
            return problem;
        }
        List<Shift> shifts = problem.shiftsOrEmpty();
        List<Visit> visits = problem.visitsOrEmpty();
        if (features.contains(TRAVEL_LIMIT)) {
            shifts = shifts.stream().map(s -> s.withMaxTravelSeconds(DEMO_MAX_TRAVEL_SECONDS)).toList();
        }
        if (features.contains(PARTS)) {
            SplittableRandom random = new SplittableRandom(problem.optionsOrDefaults().effectiveRandomSeed() + 16);
            List<Shift> stocked = new ArrayList<>();
            for (int s = 0; s < shifts.size(); s++) {
                Map<String, Integer> stock = new TreeMap<>(Map.of("filter", 2 + random.nextInt(3), "valve",
                        1 + random.nextInt(2)));
                if (s % 3 == 0) {
                    stock.put("pump", 1);
                }
                stocked.add(shifts.get(s).withVanStock(stock));
            }
            shifts = stocked;
            List<Visit> needing = new ArrayList<>();
            for (Visit visit : visits) {
                needing.add(random.nextInt(4) == 0 ? visit.withParts(Map.of(PART_NAMES[random.nextInt(
                        PART_NAMES.length)], 1)) : visit);
            }
            visits = needing;
        }
        if (features.contains(CREWS)) {
            List<Visit> withCrews = new ArrayList<>();
            for (int v = 0; v < visits.size(); v++) {
                Visit visit = visits.get(v);
                if (v % 10 == 4 && visit.pin() == null && visit.crewId() == null) {
                    String crewId = "CREW-" + visit.id();
                    withCrews.add(visit.withCrewId(crewId));
                    withCrews.add(new Visit(visit.id() + "-HELPER", visit.customerName(), visit.location(),
                            visit.serviceDurationSeconds(), visit.timeWindows(), null, null, visit.priority(), null,
                            null, null, null, null, null, visit.address(), "helper for " + visit.id(), crewId, null));
                } else {
                    withCrews.add(visit);
                }
            }
            visits = withCrews;
        }
        if (features.contains(DEPENDENCIES)) {
            List<Visit> withFollowUps = new ArrayList<>();
            int followUps = 0;
            for (int v = 0; v < visits.size(); v++) {
                Visit visit = visits.get(v);
                withFollowUps.add(visit);
                if (v % 10 == 7 && visit.crewId() == null && visit.pin() == null) {
                    boolean same = followUps++ % 2 == 0;
                    withFollowUps.add(new Visit(visit.id() + "-FOLLOW-UP", visit.customerName(), visit.location(),
                            1800L, null, null, null, visit.priority(), null, null, null, null, null, null,
                            visit.address(), "commissioning after " + visit.id(), null, List.of(new VisitAfter(
                                    visit.id(), DEMO_FOLLOW_UP_DELAY_SECONDS, null, same ? Boolean.TRUE : null))));
                }
            }
            visits = withFollowUps;
        }
        return problem.withResources(problem.techniciansOrEmpty(), shifts, visits);
    }

    private static final String[] PART_NAMES = { "filter", "filter", "valve", "pump" };
}

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
    PARTS("parts");

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
        return problem.withResources(problem.techniciansOrEmpty(), shifts, visits);
    }

    private static final String[] PART_NAMES = { "filter", "filter", "valve", "pump" };
}

package org.techroute.solver.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import ai.timefold.solver.core.api.domain.entity.PlanningEntity;
import ai.timefold.solver.core.api.domain.lookup.PlanningId;
import ai.timefold.solver.core.api.domain.variable.InverseRelationShadowVariable;
import ai.timefold.solver.core.api.domain.variable.NextElementShadowVariable;
import ai.timefold.solver.core.api.domain.variable.PreviousElementShadowVariable;
import ai.timefold.solver.core.api.domain.variable.ShadowSources;
import ai.timefold.solver.core.api.domain.variable.ShadowVariable;
import ai.timefold.solver.core.api.domain.variable.ShadowVariablesInconsistent;

/**
 * A service call at a customer's location. Times are epoch milliseconds; the location is an index into the
 * problem's {@link org.techroute.solver.travel.TravelTimeMatrix}.
 */
@PlanningEntity
public class Visit {

    @PlanningId
    private String id;
    private int location;
    private long serviceDurationMillis;
    /** Sorted by start, non-overlapping; empty means any time. */
    private List<TimeWindow> timeWindows;
    private Map<String, Integer> requiredSkills;
    private List<String> requiredCertifications;
    private Priority priority;
    private Set<String> requiredTechnicianIds;
    private Set<String> preferredTechnicianIds;
    private Set<String> excludedTechnicianIds;
    /** Per capacity dimension; empty when the visit needs no van capacity. */
    private int[] demand;
    /** The parts the visit needs: indexes (ascending, as the problem's part names) and quantities; empty: none. */
    private int[] partIds = new int[0];
    private int[] partQuantities = new int[0];
    /** The parts' names, for explanations. */
    private String[] partNames = new String[0];
    /** When service actually started, for a visit that is started or done (null otherwise). */
    private Long actualStartMillis;
    /** When a started visit ended or is now expected to end (null: start plus the service duration). */
    private Long expectedEndMillis;
    /** The shift this visit was on in the plan it is re-planned from (null: none, or a first plan). */
    private String previousShiftId;
    /**
     * For a visit without time windows: from when its wait counts (the day's first shift start); null: the start of
     * the shift that serves it.
     */
    private Long openingMillis;

    @InverseRelationShadowVariable(sourceVariableName = "visits")
    private Shift shift;
    @PreviousElementShadowVariable(sourceVariableName = "visits")
    private Visit previousVisit;
    @NextElementShadowVariable(sourceVariableName = "visits")
    private Visit nextVisit;
    @ShadowVariable(supplierName = "timingSupplier")
    private VisitTiming timing;
    /**
     * For a crew visit: when this member alone could start service (its own route, windows and dependencies, not
     * its crew); null otherwise or when unassigned. The crew starts at the latest of its members'.
     */
    @ShadowVariable(supplierName = "crewReadySupplier")
    private Long crewReadyMillis;
    /**
     * Set by Timefold when the visit's timing waits on itself through crews and dependencies (routes that wait for
     * each other in a circle): its shadow variables mean nothing then, and {@code forEach} skips it.
     */
    @ShadowVariablesInconsistent
    private boolean inconsistent;

    /** The crew this visit belongs to (null: none): visits served together, by different technicians, at once. */
    private String crewId;
    /** The other visits of its crew; empty when it has none. Entities, so that solution clones point to clones. */
    private List<Visit> crewMates = new ArrayList<>();
    /**
     * The visits this one must follow ({@link VisitDependency}); the delays and the technician rule are in the
     * parallel arrays below.
     */
    private List<Visit> predecessors = new ArrayList<>();
    private long[] minDelaysMillis = new long[0];
    private long[] maxDelaysMillis = new long[0];
    private boolean[] sameTechnician = new boolean[0];
    /** Whether other visits follow this one: moving it later moves them. */
    private boolean followed;

    public Visit() {
    }

    public Visit(String id, int location, long serviceDurationMillis, List<TimeWindow> timeWindows,
            Map<String, Integer> requiredSkills, List<String> requiredCertifications, Priority priority,
            Set<String> requiredTechnicianIds, Set<String> preferredTechnicianIds, Set<String> excludedTechnicianIds,
            int[] demand) {
        this.id = id;
        this.location = location;
        this.serviceDurationMillis = serviceDurationMillis;
        this.timeWindows = List.copyOf(timeWindows);
        this.requiredSkills = Map.copyOf(requiredSkills);
        this.requiredCertifications = List.copyOf(requiredCertifications);
        this.priority = priority;
        this.requiredTechnicianIds = Set.copyOf(requiredTechnicianIds);
        this.preferredTechnicianIds = Set.copyOf(preferredTechnicianIds);
        this.excludedTechnicianIds = Set.copyOf(excludedTechnicianIds);
        this.demand = demand.clone();
    }

    /**
     * Takes over every problem fact of {@code other} (a visit with the same id from a changed problem): location,
     * duration, windows, requirements, priority, demand and actual times. Planning and shadow variables stay.
     */
    public void updateFacts(Visit other) {
        this.location = other.location;
        this.serviceDurationMillis = other.serviceDurationMillis;
        this.timeWindows = other.timeWindows;
        this.requiredSkills = other.requiredSkills;
        this.requiredCertifications = other.requiredCertifications;
        this.priority = other.priority;
        this.requiredTechnicianIds = other.requiredTechnicianIds;
        this.preferredTechnicianIds = other.preferredTechnicianIds;
        this.excludedTechnicianIds = other.excludedTechnicianIds;
        this.demand = other.demand;
        this.partIds = other.partIds;
        this.partQuantities = other.partQuantities;
        this.partNames = other.partNames;
        this.actualStartMillis = other.actualStartMillis;
        this.expectedEndMillis = other.expectedEndMillis;
        this.previousShiftId = other.previousShiftId;
        this.openingMillis = other.openingMillis;
        this.crewId = other.crewId;
        this.followed = this.followed || other.followed;
        // the links (crew mates, predecessors) are the same visits by id: they stay, with the delays taken over
        if (other.predecessors.size() == predecessors.size()) {
            this.minDelaysMillis = other.minDelaysMillis;
            this.maxDelaysMillis = other.maxDelaysMillis;
            this.sameTechnician = other.sameTechnician;
        }
    }

    /** Makes this visit a member of crew {@code crewId} with the other visits {@code mates}. */
    public void setCrew(String crewId, List<Visit> mates) {
        this.crewId = crewId;
        this.crewMates = new ArrayList<>(mates);
    }

    /** The visits this visit must follow, with their delays and technician rule. */
    public void setDependencies(List<VisitDependency> dependencies) {
        int n = dependencies.size();
        this.predecessors = new ArrayList<>(n);
        this.minDelaysMillis = new long[n];
        this.maxDelaysMillis = new long[n];
        this.sameTechnician = new boolean[n];
        for (int i = 0; i < n; i++) {
            VisitDependency dependency = dependencies.get(i);
            predecessors.add(dependency.before());
            dependency.before().followed = true;
            minDelaysMillis[i] = dependency.minDelayMillis();
            maxDelaysMillis[i] = dependency.maxDelayMillis();
            sameTechnician[i] = dependency.sameTechnician();
        }
    }

    /** The visits this visit must follow, with delays and technician rule (a new list each call). */
    public List<VisitDependency> getDependencies() {
        List<VisitDependency> dependencies = new ArrayList<>(predecessors.size());
        for (int i = 0; i < predecessors.size(); i++) {
            dependencies.add(new VisitDependency(predecessors.get(i), minDelaysMillis[i], maxDelaysMillis[i],
                    sameTechnician[i]));
        }
        return dependencies;
    }

    /** The dependencies as edges from this visit, for constraint streams (a new list each call). */
    public List<DependencyEdge> dependencyEdges() {
        List<DependencyEdge> edges = new ArrayList<>(predecessors.size());
        for (int i = 0; i < predecessors.size(); i++) {
            edges.add(new DependencyEdge(this, predecessors.get(i), minDelaysMillis[i], maxDelaysMillis[i],
                    sameTechnician[i]));
        }
        return edges;
    }

    /** Whether other visits follow this one (it is the {@code before} of a dependency). */
    public boolean isFollowed() {
        return followed;
    }

    /**
     * Whether starting this visit later than planned changes other routes: a crew visit (its crew waits) or a visit
     * that others follow.
     */
    public boolean holdsOthers() {
        return crewId != null || followed;
    }

    /**
     * The latest start the visits this one follows allow with a maximum delay, as they are planned now;
     * {@link Long#MAX_VALUE} without one.
     */
    public long linkedNotAfterMillis() {
        long notAfter = Long.MAX_VALUE;
        for (int i = 0; i < predecessors.size(); i++) {
            Visit before = predecessors.get(i);
            VisitTiming planned = before.getShift() == null ? null : before.getTiming();
            if (planned != null && maxDelaysMillis[i] != Long.MAX_VALUE) {
                notAfter = Math.min(notAfter, planned.departureMillis() + maxDelaysMillis[i]);
            }
        }
        return notAfter;
    }

    public boolean hasDependencies() {
        return !predecessors.isEmpty();
    }

    public List<Visit> getPredecessors() {
        return predecessors;
    }

    public String getCrewId() {
        return crewId;
    }

    public boolean isCrewVisit() {
        return crewId != null;
    }

    public List<Visit> getCrewMates() {
        return crewMates;
    }

    /** Whether the visit's start waits on itself through crews and dependencies (no timing exists). */
    public boolean isInconsistent() {
        return inconsistent;
    }

    public void setInconsistent(boolean inconsistent) {
        this.inconsistent = inconsistent;
    }

    public Long getCrewReadyMillis() {
        return crewReadyMillis;
    }

    public void setCrewReadyMillis(Long crewReadyMillis) {
        this.crewReadyMillis = crewReadyMillis;
    }

    /** Whether this visit is linked to others: a crew visit, one that follows others, or one that others follow. */
    public boolean isLinked() {
        return crewId != null || !predecessors.isEmpty() || followed;
    }

    /**
     * The earliest service start the visit's links allow, as they are planned now: the service end plus minimum
     * delay of every assigned visit it follows and, with {@code withCrew}, the latest time a member of its crew could
     * start alone ({@link #getCrewReadyMillis()}). {@link Long#MIN_VALUE} when nothing holds it back.
     */
    public long linkedNotBeforeMillis(boolean withCrew) {
        long notBefore = Long.MIN_VALUE;
        for (int i = 0; i < predecessors.size(); i++) {
            Visit before = predecessors.get(i);
            VisitTiming planned = before.getShift() == null ? null : before.getTiming();
            if (planned != null) {
                notBefore = Math.max(notBefore, planned.departureMillis() + minDelaysMillis[i]);
            }
        }
        if (withCrew) {
            for (Visit mate : crewMates) {
                Long ready = mate.getShift() == null ? null : mate.getCrewReadyMillis();
                if (ready != null) {
                    notBefore = Math.max(notBefore, ready);
                }
            }
        }
        return notBefore;
    }

    /** For a visit without time windows, from when its wait counts (see {@link #urgencyOpeningMillis(Shift)}). */
    public void setOpeningMillis(Long openingMillis) {
        this.openingMillis = openingMillis;
    }

    /**
     * From when a wait for this visit counts: the opening of its first (earliest) time window; without windows, the
     * start of the problem's first shift (so the wait does not depend on which shift serves it), or, when that is not
     * known, the start of {@code shift}.
     */
    public long urgencyOpeningMillis(Shift shift) {
        if (!timeWindows.isEmpty()) {
            return timeWindows.get(0).startMillis();
        }
        return openingMillis != null ? openingMillis : shift.getStartMillis();
    }

    /**
     * @param partIds        the indexes of the parts the visit needs (those of {@link Shift#getVanStock()})
     * @param partQuantities how many of each
     * @param partNames      their names, for explanations
     */
    public void setParts(int[] partIds, int[] partQuantities, String[] partNames) {
        if (partIds.length != partQuantities.length || partIds.length != partNames.length) {
            throw new IllegalArgumentException("a quantity and a name per part");
        }
        this.partIds = partIds.clone();
        this.partQuantities = partQuantities.clone();
        this.partNames = partNames.clone();
    }

    public String[] getPartNames() {
        return partNames;
    }

    public int[] getPartIds() {
        return partIds;
    }

    public int[] getPartQuantities() {
        return partQuantities;
    }

    public boolean needsParts() {
        return partIds.length > 0;
    }

    /**
     * A copy of this visit (every fact, not its place in a plan) that must start in {@code windows} instead: an
     * appointment slot offered for it.
     */
    public Visit withTimeWindows(List<TimeWindow> windows) {
        Visit copy = new Visit(id, location, serviceDurationMillis, windows, requiredSkills, requiredCertifications,
                priority, requiredTechnicianIds, preferredTechnicianIds, excludedTechnicianIds, demand);
        copy.partIds = partIds;
        copy.partQuantities = partQuantities;
        copy.partNames = partNames;
        copy.crewId = crewId;
        copy.crewMates = crewMates;
        copy.followed = followed;
        copy.predecessors = predecessors;
        copy.minDelaysMillis = minDelaysMillis;
        copy.maxDelaysMillis = maxDelaysMillis;
        copy.sameTechnician = sameTechnician;
        return copy;
    }

    public String getPreviousShiftId() {
        return previousShiftId;
    }

    public void setPreviousShiftId(String previousShiftId) {
        this.previousShiftId = previousShiftId;
    }

    /** Whether the visit is planned on another shift than in the plan it is re-planned from. */
    public boolean isMovedFromPreviousShift() {
        return previousShiftId != null && shift != null && !previousShiftId.equals(shift.getId());
    }

    /** Marks the visit as started at {@code startMillis}, ending at {@code endMillis} (null: as planned). */
    public void setStarted(Long startMillis, Long endMillis) {
        this.actualStartMillis = startMillis;
        this.expectedEndMillis = endMillis;
    }

    public boolean isStarted() {
        return actualStartMillis != null;
    }

    public Long getActualStartMillis() {
        return actualStartMillis;
    }

    public Long getExpectedEndMillis() {
        return expectedEndMillis;
    }

    /**
     * The timing depends on the next stop too: whether a break goes before the service depends on it. It waits for
     * the visits this one follows (their service end plus delay) and for its crew (the latest member's
     * {@link #getCrewReadyMillis()}), wherever those are planned.
     */
    @ShadowSources({ "previousVisit.timing", "shift", "predecessors[].timing", "crewMates[].crewReadyMillis" })
    public VisitTiming timingSupplier() {
        return timing(true);
    }

    /** For a crew visit: when it could start alone; see {@link #getCrewReadyMillis()}. */
    @ShadowSources({ "previousVisit.timing", "shift", "predecessors[].timing" })
    public Long crewReadySupplier() {
        if (crewMates.isEmpty()) {
            return null;
        }
        VisitTiming alone = timing(false);
        return alone == null ? null : alone.serviceStartMillis();
    }

    private VisitTiming timing(boolean withCrew) {
        if (shift == null) {
            return null;
        }
        int next = nextVisit == null ? shift.getEndLocation() : nextVisit.getLocation();
        if (previousVisit == null) {
            return Schedule.visit(shift, shift.getStartLocation(), shift.getStartMillis(), 0, this, next,
                    Schedule.IGNORE, withCrew);
        }
        VisitTiming previous = previousVisit.getTiming();
        if (previous == null) {
            return null;
        }
        return Schedule.visit(shift, previousVisit.getLocation(), previous.departureMillis(), previous.breaksDone(),
                this, next, Schedule.IGNORE, withCrew);
    }

    /** The earliest service start inside a time window for a technician ready at {@code readyMillis}. */
    public long serviceStartFor(long readyMillis) {
        for (TimeWindow window : timeWindows) {
            if (readyMillis <= window.endMillis()) {
                return Math.max(readyMillis, window.startMillis());
            }
        }
        return readyMillis; // every window has closed: late
    }

    /** How far the service start lies after the end of the last time window (0 when on time or started). */
    public long lateMillis() {
        if (timing == null || timeWindows.isEmpty() || isStarted()) {
            return 0;
        }
        return Math.max(0, timing.serviceStartMillis() - timeWindows.get(timeWindows.size() - 1).endMillis());
    }

    /**
     * How long after the opening of its first (earliest) time window service starts (without windows, after the
     * problem's first shift start: {@link #urgencyOpeningMillis(Shift)}). Counted from the first window even when service starts in a later one: for the customer,
     * "early" means as early as the visit could be served.
     */
    public long delayInWindowMillis() {
        if (timing == null || shift == null || isStarted()) {
            return 0;
        }
        return Math.max(0, timing.serviceStartMillis() - urgencyOpeningMillis(shift));
    }

    /** How long a CRITICAL visit may wait after its first window opens before the wait weighs at medium level. */
    public static final long CRITICAL_GRACE_MILLIS = 60 * 60_000L;

    /**
     * The minutes (started minutes, rounded up) a CRITICAL visit starts later than an hour after its first window
     * opens; 0 for other priorities, unassigned and started visits. A dispatcher's "CRITICAL" means "serve it soon,
     * even if that leaves a routine visit for another day": this wait is weighed against visits left out.
     */
    public long criticalDelayMinutes() {
        if (priority != Priority.CRITICAL || timing == null || shift == null || isStarted()) {
            return 0;
        }
        return criticalDelayMinutesAt(timing.serviceStartMillis(), shift);
    }

    /** {@link #criticalDelayMinutes()} if service started at {@code serviceStartMillis} on {@code shift}. */
    public long criticalDelayMinutesAt(long serviceStartMillis, Shift shift) {
        if (priority != Priority.CRITICAL) {
            return 0;
        }
        long beyond = serviceStartMillis - urgencyOpeningMillis(shift) - CRITICAL_GRACE_MILLIS;
        return beyond <= 0 ? 0 : (beyond + 59_999) / 60_000;
    }

    /** Travel time from the previous stop (the shift start for the first visit) to this visit. */
    public long travelMillisFromPrevious() {
        if (shift == null) {
            return 0;
        }
        int from = previousVisit == null ? shift.getStartLocation() : previousVisit.getLocation();
        return shift.getMatrix().travelMillis(from, location);
    }

    /** Sum over required skills of the levels the technician lacks; 0 if unassigned or qualified. */
    public int missingSkillLevels() {
        if (shift == null) {
            return 0;
        }
        int missing = 0;
        for (Map.Entry<String, Integer> required : requiredSkills.entrySet()) {
            missing += Math.max(0, required.getValue() - shift.getTechnician().skillLevel(required.getKey()));
        }
        return missing;
    }

    /** Sum over required skills of the levels the technician has beyond what is required. */
    public int excessSkillLevels() {
        if (shift == null) {
            return 0;
        }
        int excess = 0;
        for (Map.Entry<String, Integer> required : requiredSkills.entrySet()) {
            excess += Math.max(0, shift.getTechnician().skillLevel(required.getKey()) - required.getValue());
        }
        return excess;
    }

    /**
     * Required certifications the shift's technician does not hold valid on {@link #certificationDate()}, the
     * local date of the service start.
     */
    public List<String> missingCertifications() {
        if (shift == null || requiredCertifications.isEmpty()) {
            return List.of();
        }
        java.time.LocalDate date = certificationDate();
        return requiredCertifications.stream()
                .filter(name -> !shift.getTechnician().hasValidCertification(name, date))
                .toList();
    }

    /**
     * The date certifications must be valid on: the calendar date of the service start in the offset of the
     * shift's start time (the shift's date while the visit has no timing); null when unassigned.
     */
    public java.time.LocalDate certificationDate() {
        if (shift == null) {
            return null;
        }
        return timing == null ? shift.getDate() : shift.localDate(timing.serviceStartMillis());
    }

    public boolean isLastInRoute() {
        return shift != null && nextVisit == null;
    }

    public String getId() {
        return id;
    }

    public int getLocation() {
        return location;
    }

    public long getServiceDurationMillis() {
        return serviceDurationMillis;
    }

    public List<TimeWindow> getTimeWindows() {
        return timeWindows;
    }

    public Map<String, Integer> getRequiredSkills() {
        return requiredSkills;
    }

    public List<String> getRequiredCertifications() {
        return requiredCertifications;
    }

    public Priority getPriority() {
        return priority;
    }

    public Set<String> getRequiredTechnicianIds() {
        return requiredTechnicianIds;
    }

    public Set<String> getPreferredTechnicianIds() {
        return preferredTechnicianIds;
    }

    public Set<String> getExcludedTechnicianIds() {
        return excludedTechnicianIds;
    }

    public int[] getDemand() {
        return demand;
    }

    public Shift getShift() {
        return shift;
    }

    public void setShift(Shift shift) {
        this.shift = shift;
    }

    public Visit getPreviousVisit() {
        return previousVisit;
    }

    public void setPreviousVisit(Visit previousVisit) {
        this.previousVisit = previousVisit;
    }

    public Visit getNextVisit() {
        return nextVisit;
    }

    public void setNextVisit(Visit nextVisit) {
        this.nextVisit = nextVisit;
    }

    public VisitTiming getTiming() {
        return timing;
    }

    public void setTiming(VisitTiming timing) {
        this.timing = timing;
    }

    @Override
    public String toString() {
        return id;
    }
}

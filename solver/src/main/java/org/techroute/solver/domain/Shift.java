package org.techroute.solver.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import ai.timefold.solver.core.api.domain.entity.PlanningEntity;
import ai.timefold.solver.core.api.domain.entity.PlanningPinToIndex;
import ai.timefold.solver.core.api.domain.lookup.PlanningId;
import ai.timefold.solver.core.api.domain.variable.PlanningListVariable;

import org.techroute.solver.travel.TravelTimeMatrix;

/**
 * One working period of a technician: the ordered visits it serves are the planning variable.
 * Times are epoch milliseconds; locations are matrix indexes.
 */
@PlanningEntity
public class Shift {

    @PlanningId
    private String id;
    private Technician technician;
    /** The calendar date of the shift start in the shift's own offset. */
    private LocalDate date;
    /**
     * The offset of the shift's start time as given: "local" dates of this shift (certification validity) are
     * calendar dates in this offset.
     */
    private ZoneOffset offset = ZoneOffset.UTC;
    private long startMillis;
    private long endMillis;
    private long maxOvertimeMillis;
    private int startLocation;
    private int endLocation;
    private List<ShiftBreak> breaks;
    /** Per capacity dimension; empty means the van's capacity is not limited. */
    private int[] capacity;
    private TravelTimeMatrix matrix;
    /** Visits not yet started cannot start before this time ("now" when re-planning a day under way). */
    private long notBeforeMillis = Long.MIN_VALUE;
    /** Breaks that are facts (taken, or inferred as taken); {@link #breaks} holds only the breaks still due. */
    private List<TakenBreak> takenBreaks = List.of();
    /** The end of the latest taken break: the technician leaves for anything planned no earlier. */
    private long busyUntilMillis = Long.MIN_VALUE;
    /** The most driving the route may have (start to end location, every leg); {@link Long#MAX_VALUE}: no limit. */
    private long maxTravelMillis = Long.MAX_VALUE;
    /** Parts on the van: quantity per part index ({@link Visit#getPartIds()}); missing parts count 0. */
    private int[] vanStock = new int[0];
    /** The first {@code pinnedVisitCount} visits are started or done: they never move. */
    @PlanningPinToIndex
    private int pinnedVisitCount;

    @PlanningListVariable(allowsUnassignedValues = true)
    private List<Visit> visits = new ArrayList<>();

    public Shift() {
    }

    public Shift(String id, Technician technician, LocalDate date, long startMillis, long endMillis,
            long maxOvertimeMillis, int startLocation, int endLocation, List<ShiftBreak> breaks, int[] capacity,
            TravelTimeMatrix matrix) {
        this(id, technician, date, startMillis, endMillis, maxOvertimeMillis, startLocation, endLocation, breaks,
                capacity, matrix, ZoneOffset.UTC);
    }

    /** @param offset the offset of the shift's start time; local dates (certifications) are taken in it */
    public Shift(String id, Technician technician, LocalDate date, long startMillis, long endMillis,
            long maxOvertimeMillis, int startLocation, int endLocation, List<ShiftBreak> breaks, int[] capacity,
            TravelTimeMatrix matrix, ZoneOffset offset) {
        this.offset = offset;
        this.id = id;
        this.technician = technician;
        this.date = date;
        this.startMillis = startMillis;
        this.endMillis = endMillis;
        this.maxOvertimeMillis = maxOvertimeMillis;
        this.startLocation = startLocation;
        this.endLocation = endLocation;
        this.breaks = List.copyOf(breaks);
        this.capacity = capacity.clone();
        this.matrix = matrix;
    }

    /**
     * Takes over every problem fact of {@code other} (a shift with the same id from a changed problem): times,
     * locations, breaks, capacity, matrix and not-before time. The visits and the pin index stay.
     */
    public void updateFacts(Shift other) {
        this.technician = other.technician;
        this.date = other.date;
        this.offset = other.offset;
        this.startMillis = other.startMillis;
        this.endMillis = other.endMillis;
        this.maxOvertimeMillis = other.maxOvertimeMillis;
        this.startLocation = other.startLocation;
        this.endLocation = other.endLocation;
        this.breaks = other.breaks;
        this.capacity = other.capacity;
        this.matrix = other.matrix;
        this.notBeforeMillis = other.notBeforeMillis;
        this.takenBreaks = other.takenBreaks;
        this.busyUntilMillis = other.busyUntilMillis;
        this.maxTravelMillis = other.maxTravelMillis;
        this.vanStock = other.vanStock;
    }

    public long getMaxTravelMillis() {
        return maxTravelMillis;
    }

    /** @param maxTravelMillis the most driving the route may have; {@link Long#MAX_VALUE} for no limit */
    public void setMaxTravelMillis(long maxTravelMillis) {
        this.maxTravelMillis = maxTravelMillis;
    }

    public int[] getVanStock() {
        return vanStock;
    }

    /** @param vanStock quantity on the van per part index (parts past its end count 0) */
    public void setVanStock(int[] vanStock) {
        this.vanStock = vanStock.clone();
    }

    /** The van's stock of the part with index {@code part}. */
    public int stockOf(int part) {
        return part < vanStock.length ? vanStock[part] : 0;
    }

    /** Part units the route's visits need beyond the van's stock, summed over parts. */
    public long partsShortfall() {
        return PartsNeed.of(visits, -1, null).shortfall(this);
    }

    /** Travel of the route: from the start location through every visit and back to the end location. */
    public long travelMillis() {
        if (visits.isEmpty()) {
            return 0;
        }
        long travel = 0;
        int from = startLocation;
        for (Visit visit : visits) {
            travel += matrix.travelMillis(from, visit.getLocation());
            from = visit.getLocation();
        }
        return travel + matrix.travelMillis(from, endLocation);
    }

    /** Driving above {@link #getMaxTravelMillis()} (0 without a limit or within it). */
    public long travelExcessMillis() {
        if (maxTravelMillis == Long.MAX_VALUE || visits.isEmpty()) {
            return 0;
        }
        return Math.max(0, travelMillis() - maxTravelMillis);
    }


    /**
     * Sets the state of the day's breaks: {@code due} are still to be planned (sorted by earliest start),
     * {@code taken} are facts.
     */
    public void setBreakState(List<ShiftBreak> due, List<TakenBreak> taken) {
        this.breaks = List.copyOf(due);
        this.takenBreaks = List.copyOf(taken);
        this.busyUntilMillis = taken.stream().mapToLong(TakenBreak::endMillis).max().orElse(Long.MIN_VALUE);
    }

    public List<TakenBreak> getTakenBreaks() {
        return takenBreaks;
    }

    public long getBusyUntilMillis() {
        return busyUntilMillis;
    }

    /** The technician leaves for a visit not yet started no earlier than this: "now", and after taken breaks. */
    public long leaveNotBeforeMillis() {
        return Math.max(notBeforeMillis, busyUntilMillis);
    }

    /** How the route ends (arrival at the end location and any break still due); null for an empty route. */
    public RouteEnd routeEnd() {
        if (visits.isEmpty()) {
            return null;
        }
        Visit last = visits.get(visits.size() - 1);
        VisitTiming timing = last.getTiming();
        if (timing == null) {
            return null;
        }
        return Schedule.end(this, last.getLocation(), timing.departureMillis(), timing.breaksDone());
    }

    /** Time worked past the shift end (0 when the route is empty or ends in time). */
    public long overtimeMillis() {
        RouteEnd end = routeEnd();
        return end == null ? 0 : Math.max(0, end.endMillis() - endMillis);
    }

    /** Travel plus service time of the route, in milliseconds. */
    public long workMillis() {
        if (visits.isEmpty()) {
            return 0;
        }
        long work = 0;
        int from = startLocation;
        for (Visit visit : visits) {
            work += matrix.travelMillis(from, visit.getLocation()) + visit.getServiceDurationMillis();
            from = visit.getLocation();
        }
        return work + matrix.travelMillis(from, endLocation);
    }

    /** Units of demand above the van's capacity, summed over capacity dimensions. */
    public long capacityExcess() {
        if (capacity.length == 0 || visits.isEmpty()) {
            return 0;
        }
        long[] load = new long[capacity.length];
        for (Visit visit : visits) {
            int[] demand = visit.getDemand();
            for (int i = 0; i < Math.min(demand.length, load.length); i++) {
                load[i] += demand[i];
            }
        }
        long excess = 0;
        for (int i = 0; i < capacity.length; i++) {
            excess += Math.max(0, load[i] - capacity[i]);
        }
        return excess;
    }

    public boolean isUsed() {
        return !visits.isEmpty();
    }

    public String getId() {
        return id;
    }

    public Technician getTechnician() {
        return technician;
    }

    public LocalDate getDate() {
        return date;
    }

    public ZoneOffset getOffset() {
        return offset;
    }

    /** The calendar date of an instant in the shift's offset. */
    public LocalDate localDate(long epochMillis) {
        return LocalDate.ofInstant(Instant.ofEpochMilli(epochMillis), offset);
    }

    /**
     * Whether the technician holds {@code certification} valid on at least one local date this shift covers
     * (shift start to shift end plus maximum overtime): a test that does not depend on the route.
     */
    public boolean certificationValidSomeDay(String certification) {
        return certificationValidBetween(certification, startMillis, endMillis + maxOvertimeMillis);
    }

    /**
     * Whether the technician holds {@code certification} valid on a local date on which this shift could serve
     * {@code visit}: the shift's hours (plus maximum overtime) within the visit's first window opening and last
     * window end. Does not depend on the route.
     */
    public boolean certificationValidSomeDay(String certification, Visit visit) {
        long from = startMillis;
        long to = endMillis + maxOvertimeMillis;
        List<TimeWindow> windows = visit.getTimeWindows();
        if (!windows.isEmpty()) {
            long windowFrom = Math.max(from, windows.get(0).startMillis());
            long windowTo = Math.min(to, windows.get(windows.size() - 1).endMillis());
            if (windowFrom <= windowTo) {
                from = windowFrom;
                to = windowTo;
            }
        }
        return certificationValidBetween(certification, from, to);
    }

    private boolean certificationValidBetween(String certification, long fromMillis, long toMillis) {
        LocalDate last = localDate(toMillis);
        for (LocalDate day = localDate(fromMillis); !day.isAfter(last); day = day.plusDays(1)) {
            if (technician.hasValidCertification(certification, day)) {
                return true;
            }
        }
        return false;
    }

    public long getStartMillis() {
        return startMillis;
    }

    public long getEndMillis() {
        return endMillis;
    }

    public long getMaxOvertimeMillis() {
        return maxOvertimeMillis;
    }

    public int getStartLocation() {
        return startLocation;
    }

    public int getEndLocation() {
        return endLocation;
    }

    public List<ShiftBreak> getBreaks() {
        return breaks;
    }

    public int[] getCapacity() {
        return capacity;
    }

    public TravelTimeMatrix getMatrix() {
        return matrix;
    }

    public long getNotBeforeMillis() {
        return notBeforeMillis;
    }

    public void setNotBeforeMillis(long notBeforeMillis) {
        this.notBeforeMillis = notBeforeMillis;
    }

    public void setMatrix(TravelTimeMatrix matrix) {
        this.matrix = matrix;
    }

    public int getPinnedVisitCount() {
        return pinnedVisitCount;
    }

    public void setPinnedVisitCount(int pinnedVisitCount) {
        this.pinnedVisitCount = pinnedVisitCount;
    }

    public List<Visit> getVisits() {
        return visits;
    }

    public void setVisits(List<Visit> visits) {
        this.visits = visits;
    }

    @Override
    public String toString() {
        return id;
    }
}

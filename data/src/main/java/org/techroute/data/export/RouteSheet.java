package org.techroute.data.export;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.techroute.data.model.Location;
import org.techroute.data.model.Problem;
import org.techroute.data.model.Route;
import org.techroute.data.model.Shift;
import org.techroute.data.model.Step;
import org.techroute.data.model.Technician;
import org.techroute.data.model.TimeWindow;
import org.techroute.data.model.Visit;

/**
 * What a technician takes along for a shift: the stops in order with their times, customer, place, what is needed
 * and notes. Built from a solved plan; times are in the offset of the shift's start (as the plan writes them).
 *
 * @param planName the plan's name (may be null)
 * @param pages    one per shift, in the plan's route order
 */
public record RouteSheet(String planName, List<Page> pages) {

    /** One shift's day. */
    public record Page(String shiftId, String technicianId, String technicianName, LocalDate date,
            ZoneOffset offset, OffsetDateTime shiftStart, OffsetDateTime shiftEnd, OffsetDateTime leave,
            OffsetDateTime back, Location startLocation, Location endLocation, List<Stop> stops,
            BigDecimal travelMeters, BigDecimal travelSeconds, BigDecimal overtimeSeconds) {

        public long visits() {
            return stops.stream().filter(s -> s.kind() == Stop.Kind.VISIT).count();
        }
    }

    /**
     * A visit or a break on the way.
     *
     * @param number      1, 2, ... for visits (0 for a break)
     * @param arrival     when the technician gets there (visits)
     * @param travelMeters the drive to this visit
     */
    public record Stop(Kind kind, int number, String visitId, String customer, String address, Location location,
            OffsetDateTime arrival, OffsetDateTime start, OffsetDateTime end, List<TimeWindow> windows,
            String priority, Map<String, Integer> skills, List<String> certifications, List<Integer> demand,
            String notes, BigDecimal travelMeters, BigDecimal lateSeconds) {

        /** The kinds of stop. */
        public enum Kind {
            VISIT, BREAK
        }

        /** The {@code geo:} URI of the stop (RFC 5870), or null without WGS84 coordinates. */
        public String geoUri() {
            return GeoUri.of(location);
        }
    }

    /** The sheet of every shift of a solved plan. */
    public static RouteSheet of(Problem plan) {
        return of(plan, route -> true);
    }

    /** The sheet of the shifts whose route passes the filter. */
    public static RouteSheet of(Problem plan, java.util.function.Predicate<Route> filter) {
        Objects.requireNonNull(plan.solution(), "the plan has no solution");
        Map<String, Technician> technicians = plan.techniciansOrEmpty().stream()
                .collect(Collectors.toMap(Technician::id, Function.identity(), (a, b) -> a, LinkedHashMap::new));
        Map<String, Shift> shifts = plan.shiftsOrEmpty().stream()
                .collect(Collectors.toMap(Shift::id, Function.identity(), (a, b) -> a, LinkedHashMap::new));
        Map<String, Visit> visits = plan.visitsOrEmpty().stream()
                .collect(Collectors.toMap(Visit::id, Function.identity(), (a, b) -> a, LinkedHashMap::new));
        List<Page> pages = new ArrayList<>();
        for (Route route : plan.solution().routes() == null ? List.<Route>of() : plan.solution().routes()) {
            if (filter.test(route)) {
                pages.add(page(route, technicians.get(route.technicianId()), shifts.get(route.shiftId()), visits));
            }
        }
        return new RouteSheet(plan.name(), List.copyOf(pages));
    }

    private static Page page(Route route, Technician technician, Shift shift, Map<String, Visit> visits) {
        ZoneOffset offset = shift != null && shift.start() != null ? shift.start().getOffset()
                : route.start() != null ? route.start().getOffset() : ZoneOffset.UTC;
        List<Stop> stops = new ArrayList<>();
        BigDecimal travel = null;
        int number = 0;
        for (Step step : route.steps() == null ? List.<Step>of() : route.steps()) {
            switch (step.type()) {
                case TRAVEL -> travel = step.travelMeters();
                case BREAK -> stops.add(new Stop(Stop.Kind.BREAK, 0, null, null, null, null, null, at(step.start(),
                        offset), at(step.end(), offset), null, null, null, null, null, null, null, null));
                case SERVICE -> {
                    Visit visit = visits.get(step.visitId());
                    number++;
                    stops.add(new Stop(Stop.Kind.VISIT, number, step.visitId(), visit == null ? null
                            : visit.customerName(), visit == null ? null : visit.address(),
                            visit == null ? null : visit.location(), at(step.arrival(), offset), at(step.start(),
                                    offset), at(step.end(), offset), visit == null ? List.of()
                                            : windows(visit.timeWindowsOrEmpty(), offset), visit == null ? null
                                                    : visit.priorityOrDefault().name(), visit == null ? Map.of()
                                                            : visit.requiredSkillsOrEmpty(), visit == null ? List.of()
                                                                    : visit.requiredCertificationsOrEmpty(),
                            visit == null ? List.of() : visit.demandOrEmpty(), visit == null ? null : visit.notes(),
                            travel, step.lateSeconds()));
                    travel = null;
                }
                default -> {
                }
            }
        }
        Location home = technician == null ? null : technician.home();
        Location start = shift != null && shift.startLocation() != null ? shift.startLocation() : home;
        Location end = shift != null && shift.endLocation() != null ? shift.endLocation() : home;
        OffsetDateTime shiftStart = shift == null ? null : at(shift.start(), offset);
        LocalDate date = shiftStart != null ? shiftStart.toLocalDate()
                : route.start() != null ? at(route.start(), offset).toLocalDate() : null;
        return new Page(route.shiftId(), route.technicianId(), technician == null ? null : technician.name(), date,
                offset, shiftStart, shift == null ? null : at(shift.end(), offset), at(route.start(), offset),
                at(route.end(), offset), start, end, List.copyOf(stops), route.travelMeters(), route.travelSeconds(),
                route.overtimeSeconds());
    }

    private static List<TimeWindow> windows(List<TimeWindow> windows, ZoneOffset offset) {
        return windows.stream().map(w -> new TimeWindow(at(w.start(), offset), at(w.end(), offset))).toList();
    }

    private static OffsetDateTime at(OffsetDateTime time, ZoneOffset offset) {
        return time == null ? null : time.withOffsetSameInstant(offset);
    }
}

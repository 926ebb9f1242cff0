package org.techroute.data.export;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.techroute.data.model.Location;
import org.techroute.data.model.Problem;
import org.techroute.data.model.Route;
import org.techroute.data.model.Shift;
import org.techroute.data.model.Step;
import org.techroute.data.model.Technician;
import org.techroute.data.model.Visit;

/**
 * A solved plan as CSV, one row per step of every route (travel, wait, break, service) in route order: for
 * spreadsheets and reporting tools. {@code lat}/{@code lon} (or {@code x}/{@code y}) are where the step happens: the
 * visit served, waited for or travelled to, or the end location for the last drive.
 */
public final class StepCsvWriter {

    public static final List<String> HEADER = Arrays.asList("shift_id", "technician_id", "technician_name", "step",
            "type", "visit_id", "customer", "start", "end", "duration_seconds", "arrival", "travel_meters",
            "late_seconds", "lat", "lon", "x", "y");

    private StepCsvWriter() {
    }

    public static String write(Problem plan) {
        Map<String, Technician> technicians = plan.techniciansOrEmpty().stream()
                .collect(Collectors.toMap(Technician::id, Function.identity(), (a, b) -> a));
        Map<String, Shift> shifts = plan.shiftsOrEmpty().stream()
                .collect(Collectors.toMap(Shift::id, Function.identity(), (a, b) -> a));
        Map<String, Visit> visits = plan.visitsOrEmpty().stream()
                .collect(Collectors.toMap(Visit::id, Function.identity(), (a, b) -> a));
        CsvText csv = new CsvText().row(HEADER);
        List<Route> routes = plan.solution() == null || plan.solution().routes() == null ? List.of()
                : plan.solution().routes();
        for (Route route : routes) {
            Technician technician = technicians.get(route.technicianId());
            Shift shift = shifts.get(route.shiftId());
            Location end = shift != null && shift.endLocation() != null ? shift.endLocation()
                    : technician == null ? null : technician.home();
            int number = 0;
            for (Step step : route.steps() == null ? List.<Step>of() : route.steps()) {
                number++;
                Visit visit = step.visitId() == null ? null : visits.get(step.visitId());
                Location where = visit != null ? visit.location() : step.type() == Step.StepType.TRAVEL ? end : null;
                List<Object> row = new ArrayList<>(Arrays.asList(route.shiftId(), route.technicianId(),
                        technician == null ? null : technician.name(), number, step.type(), step.visitId(),
                        visit == null ? null : visit.customerName(), step.start(), step.end(),
                        plain(step.durationSeconds()), step.arrival(), plain(step.travelMeters()),
                        plain(step.lateSeconds())));
                row.add(where == null ? null : where.lat());
                row.add(where == null ? null : where.lon());
                row.add(where == null ? null : where.x());
                row.add(where == null ? null : where.y());
                csv.row(row);
            }
        }
        return csv.toString();
    }

    private static String plain(BigDecimal value) {
        return value == null ? null : value.toPlainString();
    }
}

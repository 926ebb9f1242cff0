package org.techroute.data.export;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.techroute.data.imports.VisitColumn;
import org.techroute.data.model.Location;
import org.techroute.data.model.Problem;
import org.techroute.data.model.TimeWindow;
import org.techroute.data.model.Visit;

/**
 * Writes a problem's visits as the CSV that the import reads ({@link VisitColumn}, every column): exporting and
 * importing again gives the same visits (pins aside: a started visit is not something to import).
 */
public final class VisitCsvWriter {

    private VisitCsvWriter() {
    }

    public static String write(Problem problem) {
        CsvText csv = new CsvText();
        List<String> header = new ArrayList<>();
        for (VisitColumn column : VisitColumn.values()) {
            header.add(column.header());
        }
        csv.row(header);
        for (Visit visit : problem.visitsOrEmpty()) {
            List<Object> row = new ArrayList<>();
            for (VisitColumn column : VisitColumn.values()) {
                row.add(value(visit, column));
            }
            csv.row(row);
        }
        return csv.toString();
    }

    private static Object value(Visit visit, VisitColumn column) {
        Location location = visit.location();
        return switch (column) {
            case ID -> visit.id();
            case CUSTOMER -> visit.customerName();
            case ADDRESS -> visit.address();
            case LAT -> location == null ? null : number(location.lat());
            case LON -> location == null ? null : number(location.lon());
            case X -> location == null ? null : number(location.x());
            case Y -> location == null ? null : number(location.y());
            case DURATION -> visit.serviceDurationSeconds() == null ? null
                    : Duration.ofSeconds(visit.serviceDurationSeconds()).toString();
            case WINDOW_START -> windows(visit, true);
            case WINDOW_END -> windows(visit, false);
            case PRIORITY -> visit.priority() == null ? null : visit.priority().name();
            case SKILLS -> visit.requiredSkills() == null ? null : visit.requiredSkills().entrySet().stream()
                    .map(VisitCsvWriter::skill).collect(Collectors.joining(";"));
            case CERTIFICATIONS -> join(visit.requiredCertifications());
            case REQUIRED_TECHNICIANS -> join(visit.requiredTechnicianIds());
            case PREFERRED_TECHNICIANS -> join(visit.preferredTechnicianIds());
            case EXCLUDED_TECHNICIANS -> join(visit.excludedTechnicianIds());
            case DEMAND -> join(visit.demand());
            case NOTES -> visit.notes();
        };
    }

    private static String skill(Map.Entry<String, Integer> skill) {
        return skill.getKey() + ":" + skill.getValue();
    }

    private static String windows(Visit visit, boolean start) {
        if (visit.timeWindows() == null || visit.timeWindows().isEmpty()) {
            return null;
        }
        return visit.timeWindows().stream().map(TimeWindow.class::cast)
                .map(w -> String.valueOf(start ? w.start() : w.end())).collect(Collectors.joining(";"));
    }

    private static String join(List<?> items) {
        return items == null || items.isEmpty() ? null
                : items.stream().map(String::valueOf).collect(Collectors.joining(";"));
    }

    private static String number(Double value) {
        return value == null ? null : BigDecimal.valueOf(value).toPlainString();
    }
}

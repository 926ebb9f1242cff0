package org.techroute.benchmarks.day;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeName;

import org.techroute.data.changes.PlanChange;

/** Short descriptions of changes and times for the checker's sentences and the report. */
final class Changes {

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");

    private Changes() {
    }

    /** The change type as in the JSON, e.g. {@code ADD_VISIT}; {@code MORNING} for the morning plan. */
    static String type(PlanChange change) {
        if (change == null) {
            return "MORNING";
        }
        JsonTypeName name = change.getClass().getAnnotation(JsonTypeName.class);
        if (name != null) {
            return name.value();
        }
        for (JsonSubTypes.Type subType : PlanChange.class.getAnnotation(JsonSubTypes.class).value()) {
            if (subType.value() == change.getClass()) {
                return subType.name();
            }
        }
        return change.getClass().getSimpleName();
    }

    /** E.g. {@code ADD_VISIT E01 (CRITICAL, windows 10:42:00–13:42:00, 45 min)}. */
    static String describe(PlanChange change) {
        if (change == null) {
            return "the morning plan";
        }
        String type = type(change);
        if (change instanceof PlanChange.AddVisit add) {
            return type + " " + add.visit().id() + " (" + add.visit().priorityOrDefault()
                    + (add.visit().timeWindowsOrEmpty().isEmpty() ? ", no window" : ", windows "
                            + String.join(" and ", add.visit().timeWindowsOrEmpty().stream()
                                    .map(w -> clock(w.start()) + "–" + clock(w.end())).toList()))
                    + ", " + add.visit().serviceDurationSeconds() / 60 + " min)";
        }
        if (change instanceof PlanChange.CancelVisit cancel) {
            return type + " " + cancel.visitId();
        }
        if (change instanceof PlanChange.VisitRunsLong late) {
            return type + " " + late.visitId() + " until " + clock(late.expectedEnd());
        }
        if (change instanceof PlanChange.TechnicianUnavailable absent) {
            return type + " " + absent.technicianId() + " from " + clock(absent.from());
        }
        if (change instanceof PlanChange.AddShift add) {
            return type + " " + add.shift().id() + " (" + add.shift().technicianId() + " "
                    + clock(add.shift().start()) + "–" + clock(add.shift().end()) + ")";
        }
        if (change instanceof PlanChange.ShortenShift shorten) {
            return type + " " + shorten.shiftId() + " to " + clock(shorten.end());
        }
        return type + " " + change;
    }

    static String clock(OffsetDateTime time) {
        return time == null ? "-" : time.format(CLOCK);
    }
}

package org.techroute.data.export;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.techroute.data.model.Location;
import org.techroute.data.model.Problem;
import org.techroute.data.model.TimeWindow;

/**
 * A technician's visits as an iCalendar feed (RFC 5545): one event per visit, with its place ({@code LOCATION},
 * {@code GEO}, a {@code geo:} URI as {@code URL}) and what the route sheet says about it as description. A calendar
 * app that subscribes to the feed keeps it up to date: each visit's {@code UID} stays the same in every version of
 * the plan, and {@code DTSTAMP} and {@code SEQUENCE} grow with each revision, so a new version replaces the events
 * it had before and drops visits no longer on the technician's routes.
 */
public final class PlanCalendar {

    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");
    /** SEQUENCE counts seconds from here to the revision: it grows with every revision and fits 31 bits to 2088. */
    private static final Instant SEQUENCE_EPOCH = Instant.parse("2020-01-01T00:00:00Z");

    private PlanCalendar() {
    }

    /**
     * @param planId    the plan's id (part of every UID, so two plans never share events)
     * @param revisedAt when this version of the plan was saved
     */
    public static String technician(Problem plan, String planId, String technicianId, Instant revisedAt) {
        RouteSheet sheet = RouteSheet.of(plan, route -> technicianId.equals(route.technicianId()));
        String name = plan.techniciansOrEmpty().stream().filter(t -> technicianId.equals(t.id())).findFirst()
                .map(t -> t.name() == null ? t.id() : t.name()).orElse(technicianId);
        Instant stamp = revisedAt.truncatedTo(ChronoUnit.SECONDS);
        long sequence = Math.max(0, ChronoUnit.SECONDS.between(SEQUENCE_EPOCH, stamp));
        ICalendarText ics = new ICalendarText();
        ics.line("BEGIN", "VCALENDAR").line("VERSION", "2.0").line("PRODID", "-//techroute//route calendar//EN")
                .line("CALSCALE", "GREGORIAN")
                .text("X-WR-CALNAME", "techroute: " + name + (plan.name() == null ? "" : " (" + plan.name() + ")"))
                .line("REFRESH-INTERVAL;VALUE=DURATION", "PT15M").line("X-PUBLISHED-TTL", "PT15M");
        for (RouteSheet.Page page : sheet.pages()) {
            for (RouteSheet.Stop stop : page.stops()) {
                if (stop.kind() == RouteSheet.Stop.Kind.VISIT && stop.start() != null && stop.end() != null) {
                    event(ics, planId, page, stop, UTC.format(stamp), sequence);
                }
            }
        }
        return ics.line("END", "VCALENDAR").toString();
    }

    private static void event(ICalendarText ics, String planId, RouteSheet.Page page, RouteSheet.Stop stop,
            String stamp, long sequence) {
        ics.line("BEGIN", "VEVENT")
                .line("UID", uid(planId, stop.visitId()))
                .line("DTSTAMP", stamp)
                .line("SEQUENCE", Long.toString(sequence))
                .line("DTSTART", UTC.format(stop.start()))
                .line("DTEND", UTC.format(stop.end().isBefore(stop.start()) ? stop.start() : stop.end()))
                .text("SUMMARY", (stop.customer() == null ? "Visit" : stop.customer()) + " (" + stop.visitId() + ")");
        String location = location(stop);
        if (location != null) {
            ics.text("LOCATION", location);
        }
        Location place = stop.location();
        if (place != null && place.isGeographic()) {
            ics.line("GEO", GeoUri.coordinate(place.lat()) + ";" + GeoUri.coordinate(place.lon()));
            ics.line("URL", GeoUri.of(place));
        }
        ics.text("DESCRIPTION", description(page, stop))
                .line("PRIORITY", Integer.toString(priority(stop.priority())))
                .line("STATUS", "CONFIRMED").line("TRANSP", "OPAQUE")
                .line("END", "VEVENT");
    }

    private static String location(RouteSheet.Stop stop) {
        Location place = stop.location();
        String coordinates = place == null ? null : place.isGeographic()
                ? GeoUri.coordinate(place.lat()) + ", " + GeoUri.coordinate(place.lon())
                : place.isCartesian() ? "x " + place.x() + ", y " + place.y() : null;
        if (stop.address() != null && !stop.address().isBlank()) {
            return stop.address().strip().replaceAll("\\s*\\R\\s*", ", ")
                    + (coordinates == null ? "" : " (" + coordinates + ")");
        }
        return coordinates;
    }

    private static String description(RouteSheet.Page page, RouteSheet.Stop stop) {
        List<String> lines = new ArrayList<>();
        lines.add("Visit " + stop.visitId() + ", stop " + stop.number() + " of " + page.visits() + " on shift "
                + page.shiftId() + " (" + (page.technicianName() == null ? page.technicianId() : page.technicianName())
                + ")");
        if (stop.arrival() != null) {
            lines.add("Arrive " + TIME.format(stop.arrival()) + ", service " + TIME.format(stop.start()) + "-"
                    + TIME.format(stop.end()) + " (UTC" + (page.offset() == ZoneOffset.UTC ? "" : page.offset().getId())
                    + ")");
        }
        for (TimeWindow window : stop.windows()) {
            lines.add("Window " + TIME.format(window.start()) + "-" + TIME.format(window.end()));
        }
        if (stop.priority() != null) {
            lines.add("Priority " + stop.priority());
        }
        List<String> needs = new ArrayList<>();
        for (Map.Entry<String, Integer> skill : stop.skills().entrySet()) {
            needs.add(skill.getKey() + " " + skill.getValue());
        }
        stop.certifications().forEach(c -> needs.add("certified: " + c));
        if (!needs.isEmpty()) {
            lines.add("Needs " + String.join(", ", needs));
        }
        if (!stop.demand().isEmpty()) {
            lines.add("Load " + String.join("/", stop.demand().stream().map(String::valueOf).toList()));
        }
        if (stop.travelMeters() != null) {
            lines.add("Drive " + stop.travelMeters().movePointLeft(3).setScale(1, RoundingMode.HALF_UP)
                    .toPlainString() + " km");
        }
        if (stop.lateSeconds() != null && stop.lateSeconds().compareTo(BigDecimal.ZERO) > 0) {
            lines.add("Late by " + stop.lateSeconds().divide(BigDecimal.valueOf(60), 0, RoundingMode.HALF_UP)
                    + " min");
        }
        String navigation = GeoUri.of(stop.location());
        if (navigation != null) {
            lines.add("Navigate: " + navigation);
        }
        if (stop.notes() != null && !stop.notes().isBlank()) {
            lines.add("");
            lines.add(stop.notes().strip());
        }
        return String.join("\n", lines);
    }

    /** RFC 5545 PRIORITY: 1 highest, 9 lowest. */
    private static int priority(String priority) {
        if (priority == null) {
            return 0;
        }
        return switch (priority) {
            case "CRITICAL" -> 1;
            case "HIGH" -> 3;
            case "LOW" -> 9;
            default -> 5;
        };
    }

    /** {@code visit-ID.plan-PLAN@techroute}, with every character outside {@code [A-Za-z0-9._-]} as %XX (UTF-8). */
    static String uid(String planId, String visitId) {
        return "visit-" + encode(visitId) + ".plan-" + encode(planId) + "@techroute";
    }

    private static String encode(String text) {
        StringBuilder out = new StringBuilder();
        for (byte b : (text == null ? "" : text).getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xFF);
            if (c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '.' || c == '_'
                    || c == '-') {
                out.append(c);
            } else {
                out.append('%').append(String.format("%02X", b & 0xFF));
            }
        }
        return out.toString();
    }

    /** The feed's file name for a technician, e.g. {@code anna.ics}. */
    public static String fileName(String technicianId) {
        return encode(technicianId).replace('%', '_') + ".ics";
    }
}

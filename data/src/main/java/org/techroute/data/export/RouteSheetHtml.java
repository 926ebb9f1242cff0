package org.techroute.data.export;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.techroute.data.model.Location;
import org.techroute.data.model.TimeWindow;

/**
 * A route sheet as one printable HTML page: one printed page per shift (more only when a day has more stops than a
 * page holds), with print CSS (A4, page breaks between technicians). Everything taken from the plan is
 * HTML-escaped; nothing is loaded from elsewhere (no scripts, fonts or images).
 */
public final class RouteSheetHtml {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM uuuu", Locale.ENGLISH);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    static final String CSS = """
            @page { size: A4; margin: 12mm; }
            * { box-sizing: border-box; }
            body { font: 10pt/1.35 "DejaVu Sans", Arial, sans-serif; color: #000; margin: 0; }
            .sheet { break-after: page; page-break-after: always; }
            .sheet:last-of-type { break-after: auto; page-break-after: auto; }
            header h1 { font-size: 15pt; margin: 0 0 2pt; }
            header h1 .id, .stops .id { font-weight: normal; color: #444; font-size: 9pt; }
            header p { margin: 0 0 2pt; }
            .stops { width: 100%; border-collapse: collapse; margin-top: 6pt; }
            .stops th { text-align: left; border-bottom: 1.5pt solid #000; font-size: 9pt; padding: 2pt 4pt; }
            .stops td { vertical-align: top; border-bottom: 0.5pt solid #999; padding: 3pt 4pt; }
            .stops tr { break-inside: avoid; page-break-inside: avoid; }
            .stops .n { font-size: 13pt; font-weight: bold; width: 7mm; }
            .stops .time { white-space: nowrap; width: 27mm; }
            .stops .break td { background: #eee; font-style: italic; }
            .critical { font-weight: bold; text-decoration: underline; }
            .late { font-weight: bold; }
            .notes { white-space: pre-line; }
            .nav { white-space: nowrap; }
            a { color: #000; }
            footer { margin-top: 6pt; font-size: 8pt; color: #444; }
            @media screen {
              body { background: #ddd; }
              .sheet { background: #fff; width: 186mm; margin: 8mm auto; padding: 10mm; }
            }
            """;

    private RouteSheetHtml() {
    }

    /** The whole sheet: one section (printed page) per shift. */
    public static String render(RouteSheet sheet, String title) {
        StringBuilder html = new StringBuilder(4096);
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>")
                .append(escape(title)).append("</title>\n<style>\n").append(CSS).append("</style>\n</head>\n<body>\n");
        for (RouteSheet.Page page : sheet.pages()) {
            page(html, sheet, page);
        }
        if (sheet.pages().isEmpty()) {
            html.append("<p>No shifts to show.</p>\n");
        }
        return html.append("</body>\n</html>\n").toString();
    }

    private static void page(StringBuilder html, RouteSheet sheet, RouteSheet.Page page) {
        html.append("<section class=\"sheet\" data-shift=\"").append(escape(page.shiftId())).append("\">\n<header>\n");
        html.append("<h1>").append(escape(page.technicianName() == null ? page.technicianId() : page.technicianName()))
                .append(" <span class=\"id\">").append(escape(page.technicianId())).append("</span></h1>\n");
        html.append("<p><strong>").append(page.date() == null ? "" : escape(DAY.format(page.date())))
                .append("</strong> &middot; shift <span class=\"id\">").append(escape(page.shiftId())).append("</span> ")
                .append(time(page.shiftStart())).append("&ndash;").append(time(page.shiftEnd()))
                .append(" (UTC").append(escape(page.offset().getId().equals("Z") ? "" : page.offset().getId()))
                .append(")</p>\n");
        long visits = page.visits();
        html.append("<p>Leave ").append(time(page.leave())).append(" from ").append(place(page.startLocation()))
                .append(" &middot; back ").append(time(page.back())).append(" at ").append(place(page.endLocation()))
                .append("</p>\n<p>").append(visits).append(visits == 1 ? " visit" : " visits");
        if (page.travelMeters() != null) {
            html.append(" &middot; ").append(kilometers(page.travelMeters())).append(" km");
        }
        if (page.travelSeconds() != null) {
            html.append(", ").append(minutes(page.travelSeconds())).append(" min driving");
        }
        if (page.overtimeSeconds() != null && page.overtimeSeconds().signum() > 0) {
            html.append(" &middot; <span class=\"late\">").append(minutes(page.overtimeSeconds()))
                    .append(" min overtime</span>");
        }
        html.append("</p>\n</header>\n");
        if (page.stops().isEmpty()) {
            html.append("<p>No visits planned for this shift.</p>\n");
        } else {
            html.append("<table class=\"stops\">\n<thead><tr><th>#</th><th>Time</th><th>Customer and place</th>")
                    .append("<th>Needs</th><th>Notes</th></tr></thead>\n<tbody>\n");
            for (RouteSheet.Stop stop : page.stops()) {
                stop(html, stop);
            }
            html.append("</tbody>\n</table>\n");
        }
        html.append("<footer>").append(escape(sheet.planName() == null ? "" : sheet.planName()))
                .append(sheet.planName() == null ? "" : " &middot; ").append("times in UTC")
                .append(escape(page.offset().getId().equals("Z") ? "" : page.offset().getId()))
                .append(" &middot; navigation links open the phone's map app</footer>\n</section>\n");
    }

    private static void stop(StringBuilder html, RouteSheet.Stop stop) {
        if (stop.kind() == RouteSheet.Stop.Kind.BREAK) {
            html.append("<tr class=\"break\"><td class=\"n\"></td><td class=\"time\">").append(time(stop.start()))
                    .append("&ndash;").append(time(stop.end())).append("</td><td colspan=\"3\">Break</td></tr>\n");
            return;
        }
        html.append("<tr class=\"visit\" data-visit=\"").append(escape(stop.visitId())).append("\"><td class=\"n\">")
                .append(stop.number()).append("</td>\n<td class=\"time\">");
        html.append("<strong>").append(time(stop.start())).append("&ndash;").append(time(stop.end()))
                .append("</strong>");
        if (stop.arrival() != null && !stop.arrival().equals(stop.start())) {
            html.append("<br>arrive ").append(time(stop.arrival()));
        }
        for (TimeWindow window : stop.windows()) {
            html.append("<br>window ").append(time(window.start())).append("&ndash;").append(time(window.end()));
        }
        if (stop.lateSeconds() != null && stop.lateSeconds().signum() > 0) {
            html.append("<br><span class=\"late\">").append(minutes(stop.lateSeconds())).append(" min late</span>");
        }
        html.append("</td>\n<td><strong>").append(escape(stop.customer() == null ? stop.visitId() : stop.customer()))
                .append("</strong> <span class=\"id\">").append(escape(stop.visitId())).append("</span>");
        if (stop.priority() != null && !"NORMAL".equals(stop.priority())) {
            html.append(" &middot; <span class=\"").append("CRITICAL".equals(stop.priority()) ? "critical" : "prio")
                    .append("\">").append(escape(stop.priority())).append("</span>");
        }
        if (stop.address() != null && !stop.address().isBlank()) {
            html.append("<br><span class=\"notes\">").append(escape(stop.address())).append("</span>");
        }
        html.append("<br>").append(place(stop.location()));
        if (stop.travelMeters() != null) {
            html.append(" <span class=\"id\">(").append(kilometers(stop.travelMeters())).append(" km drive)</span>");
        }
        html.append("</td>\n<td>").append(escape(needs(stop))).append("</td>\n<td class=\"notes\">")
                .append(escape(stop.notes() == null ? "" : stop.notes())).append("</td></tr>\n");
    }

    private static String needs(RouteSheet.Stop stop) {
        List<String> needs = new ArrayList<>();
        for (Map.Entry<String, Integer> skill : stop.skills().entrySet()) {
            needs.add(skill.getKey() + (skill.getValue() > 1 ? " (level " + skill.getValue() + ")" : ""));
        }
        for (String certification : stop.certifications()) {
            needs.add("certified: " + certification);
        }
        if (!stop.demand().isEmpty() && stop.demand().stream().anyMatch(d -> d != null && d != 0)) {
            needs.add("load " + String.join("/", stop.demand().stream().map(String::valueOf).toList()));
        }
        return String.join(", ", needs);
    }

    /** A place: coordinates with a navigation link ({@code geo:} URI), or x/y. */
    private static String place(Location location) {
        if (location == null) {
            return "&ndash;";
        }
        String geo = GeoUri.of(location);
        if (geo != null) {
            String text = GeoUri.coordinate(location.lat()) + ", " + GeoUri.coordinate(location.lon());
            return "<a class=\"nav\" href=\"" + escape(geo) + "\">" + escape(text) + " &#x2197; navigate</a>";
        }
        if (location.isCartesian()) {
            return escape("x " + location.x() + ", y " + location.y());
        }
        return "&ndash;";
    }

    private static String time(OffsetDateTime time) {
        return time == null ? "&ndash;" : TIME.format(time);
    }

    private static String kilometers(BigDecimal meters) {
        return meters.movePointLeft(3).setScale(1, RoundingMode.HALF_UP).toPlainString();
    }

    private static String minutes(BigDecimal seconds) {
        return seconds.divide(BigDecimal.valueOf(60), 0, RoundingMode.HALF_UP).toPlainString();
    }

    /** Text or attribute value made safe for HTML. */
    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}

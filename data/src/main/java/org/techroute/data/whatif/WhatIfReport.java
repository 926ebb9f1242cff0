package org.techroute.data.whatif;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.function.Function;

import org.techroute.data.model.Kpis;
import org.techroute.data.model.Priority;

/** Renders a comparison as a self-contained HTML page (no scripts, no external resources). */
public final class WhatIfReport {

    private WhatIfReport() {
    }

    public static String html(String title, List<VariantResult> results) {
        StringBuilder html = new StringBuilder();
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
                .append(escape(title)).append("</title>\n<style>\n")
                .append("body{font-family:system-ui,sans-serif;margin:2rem;color:#222}")
                .append("table{border-collapse:collapse}th,td{border:1px solid #ccc;padding:.4rem .7rem;")
                .append("text-align:right}th:first-child,td:first-child{text-align:left}")
                .append("thead th{background:#f3f3f3}.best{background:#e6f4ea;font-weight:600}")
                .append(".invalid{color:#a00}\n</style>\n</head>\n<body>\n<h1>")
                .append(escape(title)).append("</h1>\n<table>\n<thead><tr><th scope=\"col\">KPI</th>");
        for (VariantResult result : results) {
            html.append("<th scope=\"col\">").append(escape(result.name())).append("</th>");
        }
        html.append("</tr></thead>\n<tbody>\n");
        row(html, results, "score", r -> r.score(), false);
        row(html, results, "feasible", r -> r.feasible() == null ? null : r.feasible() ? "yes" : "no", false);
        row(html, results, "visits assigned", k(k -> String.valueOf(k.visitsAssigned())), false);
        for (Priority priority : Priority.values()) {
            row(html, results, "unassigned " + priority, k(k -> String.valueOf(k.unassignedByPriority()
                    .getOrDefault(priority, 0))), true);
        }
        row(html, results, "travel time (h)", k(k -> hours(k.travelSeconds())), true);
        row(html, results, "travel distance (km)", k(k -> k.travelMeters().divide(BigDecimal.valueOf(1000), 1,
                RoundingMode.HALF_UP).toPlainString()), true);
        row(html, results, "overtime (h)", k(k -> hours(k.overtimeSeconds())), true);
        row(html, results, "waiting (h)", k(k -> hours(k.waitSeconds())), true);
        row(html, results, "shifts used", k(k -> k.shiftsUsed() + " of " + k.shiftsTotal()), false);
        html.append("</tbody>\n</table>\n");
        for (VariantResult result : results) {
            if (result.violations() != null && !result.violations().isEmpty()) {
                html.append("<h2 class=\"invalid\">").append(escape(result.name())).append(": not solved</h2>\n<ul>\n");
                result.violations().forEach(v -> html.append("<li>").append(escape(v.toString())).append("</li>\n"));
                html.append("</ul>\n");
            }
        }
        return html.append("</body>\n</html>\n").toString();
    }

    private static Function<VariantResult, String> k(Function<Kpis, String> kpi) {
        return result -> result.kpis() == null ? null : kpi.apply(result.kpis());
    }

    private static String hours(BigDecimal seconds) {
        return seconds.divide(BigDecimal.valueOf(3600), 2, RoundingMode.HALF_UP).toPlainString();
    }

    /** One KPI row; with {@code lowerIsBetter}, the lowest numeric value is highlighted. */
    private static void row(StringBuilder html, List<VariantResult> results, String label,
            Function<VariantResult, String> value, boolean lowerIsBetter) {
        Double best = null;
        if (lowerIsBetter) {
            for (VariantResult result : results) {
                Double number = number(value.apply(result));
                if (number != null && (best == null || number < best)) {
                    best = number;
                }
            }
        }
        html.append("<tr><th scope=\"row\">").append(escape(label)).append("</th>");
        for (VariantResult result : results) {
            String text = value.apply(result);
            Double number = number(text);
            boolean highlight = best != null && number != null && number.equals(best) && results.size() > 1;
            html.append(highlight ? "<td class=\"best\">" : "<td>").append(text == null ? "&mdash;" : escape(text))
                    .append("</td>");
        }
        html.append("</tr>\n");
    }

    private static Double number(String text) {
        if (text == null) {
            return null;
        }
        try {
            return Double.valueOf(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}

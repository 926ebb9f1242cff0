package org.techroute.api.audit;

import java.io.IOException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingRequestWrapper;
import org.techroute.api.security.TechrouteAuthentication;

/**
 * Writes an audit event for every write under {@code /api} that succeeded (2xx): who (from the security context),
 * what (the action, the plan, and from the body the changed visits, technicians and shifts), when and from where.
 * Sits at the controllers' door, so the planning code does not know about it. Refused calls are logged by the
 * security layer instead.
 */
final class AuditFilter extends OncePerRequestFilter {

    private static final Logger LOG = LoggerFactory.getLogger(AuditFilter.class);
    private static final int BODY_CACHE = 64 * 1024;
    private static final Pattern PLAN = Pattern.compile("^/api/plans/([^/]+)(/.*)?$");
    private static final Pattern LOCATION = Pattern.compile("/api/plans/([^/?]+)$");

    private final AuditTrail trail;
    private final ObjectMapper json;

    AuditFilter(AuditTrail trail, ObjectMapper json) {
        this.trail = trail;
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String method = request.getMethod();
        return !request.getRequestURI().startsWith(request.getContextPath() + "/api/") || method.equals("GET")
                || method.equals("HEAD") || method.equals("OPTIONS");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        ContentCachingRequestWrapper cached = new ContentCachingRequestWrapper(request, BODY_CACHE);
        try {
            chain.doFilter(cached, response);
        } finally {
            int status = response.getStatus();
            if (status >= 200 && status < 300) {
                try {
                    record(cached, response, status);
                } catch (RuntimeException e) {
                    // the action happened; a lost audit row must not turn it into an error for the caller
                    LOG.error("could not write the audit event of {} {}", request.getMethod(), request.getRequestURI(),
                            e);
                }
            }
        }
    }

    private void record(ContentCachingRequestWrapper request, HttpServletResponse response, int status) {
        String method = request.getMethod();
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String action = action(method, path);
        if (action == null) {
            return;
        }
        String planId = null;
        Matcher plan = PLAN.matcher(path);
        if (plan.matches() && !action.equals("IMPORT")) {
            planId = plan.group(1);
        } else if (response.getHeader("Location") != null) {
            Matcher location = LOCATION.matcher(response.getHeader("Location"));
            planId = location.find() ? location.group(1) : null;
        }
        if ((action.equals("SUBMIT") || action.equals("IMPORT")) && response.getHeader("Location") != null) {
            Matcher location = LOCATION.matcher(response.getHeader("Location"));
            planId = location.find() ? location.group(1) : planId;
        }
        var auth = SecurityContextHolder.getContext().getAuthentication();
        String actor = auth instanceof TechrouteAuthentication caller ? caller.getName() : "anonymous";
        String via = auth instanceof TechrouteAuthentication caller ? caller.via() : "none";
        trail.record(new AuditTrail.Event(null, OffsetDateTime.now(ZoneOffset.UTC), actor, via, action, method,
                path + (request.getQueryString() == null ? "" : "?" + request.getQueryString()), planId, status,
                detail(action, request.getContentAsByteArray()), request.getRemoteAddr()));
    }

    /**
     * The action of a write, or null for a POST that only reads (recommendations, appointment offers, change
     * previews).
     */
    static String action(String method, String path) {
        if (path.matches("/api/plans/[^/]+/(recommendations|appointments|changes/preview)")) {
            return null;
        }
        if (method.equals("POST") && path.equals("/api/plans/import")) {
            return "IMPORT";
        }
        return switch (method + " " + path.replaceAll("^/api/plans/[^/]+", "/api/plans/{id}")
                .replaceAll("^/api/keys/[^/]+$", "/api/keys/{id}")
                .replaceAll("^/api/webhooks/[^/]+$", "/api/webhooks/{id}")) {
            case "POST /api/plans" -> "SUBMIT";
            case "POST /api/plans/{id}/solve" -> "SOLVE_AGAIN";
            case "POST /api/plans/{id}/changes" -> "CHANGE";
            case "DELETE /api/plans/{id}/solving" -> "STOP";
            case "DELETE /api/plans/{id}" -> "DELETE";
            case "POST /api/plans/{id}/recommendations/apply" -> "BOOK";
            case "POST /api/plans/{id}/appointments/book" -> "BOOK_APPOINTMENT";
            case "POST /api/plans/{id}/what-if" -> "WHAT_IF";
            case "PUT /api/plans/{id}/nightly" -> "NIGHTLY";
            case "POST /api/demo" -> "DEMO";
            case "POST /api/keys" -> "KEY_CREATE";
            case "DELETE /api/keys/{id}" -> "KEY_REVOKE";
            case "POST /api/webhooks" -> "WEBHOOK_CREATE";
            case "DELETE /api/webhooks/{id}" -> "WEBHOOK_DELETE";
            default -> method;
        };
    }

    /** What the body asked for, in a line: each change's type and ids ({@code visit=v3;}), the booked visit, .... */
    String detail(String action, byte[] body) {
        if (body.length == 0 || action.equals("SUBMIT") || action.equals("IMPORT")) {
            return null;
        }
        JsonNode tree;
        try {
            tree = json.readTree(body);
        } catch (IOException e) {
            return null;
        }
        if (tree == null) {
            return null;
        }
        List<String> parts = new ArrayList<>();
        switch (action) {
            case "CHANGE" -> tree.path("changes").forEach(change -> parts.add(change.path("type").asText("?")
                    + ids(change)));
            case "BOOK" -> parts.add("visit=" + tree.path("visit").path("id").asText() + "; shift="
                    + tree.path("shiftId").asText() + "; position=" + tree.path("position").asText() + ";");
            case "BOOK_APPOINTMENT" -> parts.add("visit=" + tree.path("visit").path("id").asText() + "; slot="
                    + tree.path("slot").path("start").asText() + "/" + tree.path("slot").path("end").asText() + ";");
            case "NIGHTLY" -> parts.add("enabled=" + tree.path("enabled").asText());
            case "WHAT_IF" -> tree.path("variants").forEach(v -> parts.add("variant=" + v.path("name").asText()
                    + ";"));
            case "KEY_CREATE" -> parts.add("name=" + tree.path("name").asText() + "; role="
                    + tree.path("role").asText() + ";");
            // the URL only: never the secret
            case "WEBHOOK_CREATE" -> parts.add("url=" + tree.path("url").asText() + ";");
            default -> {
                return null;
            }
        }
        return String.join(" ", parts);
    }

    private static String ids(JsonNode change) {
        StringBuilder ids = new StringBuilder();
        String visit = change.path("visitId").isTextual() ? change.path("visitId").asText()
                : change.path("visit").path("id").isTextual() ? change.path("visit").path("id").asText() : null;
        if (visit != null) {
            ids.append(" visit=").append(visit).append(';');
        }
        if (change.path("technicianId").isTextual()) {
            ids.append(" technician=").append(change.path("technicianId").asText()).append(';');
        }
        String shift = change.path("shiftId").isTextual() ? change.path("shiftId").asText()
                : change.path("shift").path("id").isTextual() ? change.path("shift").path("id").asText() : null;
        if (shift != null) {
            ids.append(" shift=").append(shift).append(';');
        }
        // where a moved visit goes (MOVE_VISIT)
        if (change.path("position").isIntegralNumber()) {
            ids.append(" position=").append(change.path("position").asInt()).append(';');
        }
        if (change.path("afterVisitId").isTextual()) {
            ids.append(" after=").append(change.path("afterVisitId").asText()).append(';');
        }
        if (change.path("pin").isBoolean()) {
            ids.append(" pin=").append(change.path("pin").asBoolean()).append(';');
        }
        return ids.length() == 0 ? ";" : ids.toString();
    }
}

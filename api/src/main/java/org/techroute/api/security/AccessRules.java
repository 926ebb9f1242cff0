package org.techroute.api.security;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Who may call what, in one table: the security filter chain, the OpenAPI document's per-operation security
 * and the role tests all read it. The first rule that matches a request applies. Writes under {@code /api} that
 * no rule names need an admin; reads need a viewer.
 */
public final class AccessRules {

    /** What a rule asks of the caller. */
    public enum Access {
        /** no sign-in */
        OPEN,
        /** any signed-in caller */
        SIGNED_IN,
        /** the role or one that includes it */
        ROLE,
        /** a viewer, or the technician named in the path ({technicianId}) */
        OWN_TECHNICIAN
    }

    /** @param method null: every method */
    public record Rule(HttpMethod method, String pattern, Access access, Role role) {

        public boolean matches(HttpMethod requestMethod, PathContainer path) {
            return (method == null || method.equals(requestMethod)) && parse(pattern).matches(path);
        }

        /** A variable of the pattern in the path, e.g. {@code technicianId}; null if it has none. */
        public String variable(PathContainer path, String name) {
            var info = parse(pattern).matchAndExtract(path);
            return info == null ? null : info.getUriVariables().get(name);
        }

        /** How the OpenAPI document and the docs say it: open, signed in, viewer, ... */
        public String describe() {
            return switch (access) {
                case OPEN -> "open";
                case SIGNED_IN -> "any role";
                case ROLE -> role.id();
                case OWN_TECHNICIAN -> "viewer, or the technician himself";
            };
        }
    }

    static Rule open(HttpMethod method, String pattern) {
        return new Rule(method, pattern, Access.OPEN, null);
    }

    static Rule role(HttpMethod method, String pattern, Role role) {
        return new Rule(method, pattern, Access.ROLE, role);
    }

    private static final HttpMethod GET = HttpMethod.GET;
    private static final HttpMethod POST = HttpMethod.POST;
    private static final HttpMethod PUT = HttpMethod.PUT;
    private static final HttpMethod DELETE = HttpMethod.DELETE;

    /** The table, in order. */
    public static final List<Rule> RULES = List.of(
            // health stays open (probes); the console's page and scripts and the API description are public
            open(GET, "/actuator/health"), open(GET, "/actuator/health/{*rest}"),
            open(GET, "/"), open(GET, "/index.html"), open(GET, "/console/{*rest}"), open(GET, "/webjars/{*rest}"),
            open(GET, "/favicon.ico"), open(GET, "/swagger-ui.html"), open(GET, "/swagger-ui/{*rest}"),
            open(GET, "/v3/api-docs"), open(GET, "/v3/api-docs/{*rest}"), open(null, "/error"),
            open(GET, "/api/console/config"),
            new Rule(GET, "/api/me", Access.SIGNED_IN, null),
            // metrics and info need a role
            role(null, "/actuator/{*rest}", Role.VIEWER),
            // admin: keys, nightly settings, webhooks
            role(null, "/api/keys", Role.ADMIN), role(null, "/api/keys/{*rest}", Role.ADMIN),
            role(null, "/api/webhooks", Role.ADMIN), role(null, "/api/webhooks/{*rest}", Role.ADMIN),
            role(PUT, "/api/plans/{id}/nightly", Role.ADMIN),
            // the technician's own route sheet and calendar feed
            new Rule(GET, "/api/plans/{id}/technicians/{technicianId}/{*rest}", Access.OWN_TECHNICIAN, null),
            new Rule(GET, "/api/technicians/{technicianId}/{*rest}", Access.OWN_TECHNICIAN, null),
            // dispatcher: submit, change, stop, book, what-if, and who did what
            role(GET, "/api/audit", Role.DISPATCHER),
            role(POST, "/api/plans", Role.DISPATCHER), role(POST, "/api/plans/import", Role.DISPATCHER),
            role(POST, "/api/plans/{id}/solve", Role.DISPATCHER),
            role(POST, "/api/plans/{id}/changes", Role.DISPATCHER),
            role(POST, "/api/plans/{id}/changes/preview", Role.DISPATCHER),
            role(DELETE, "/api/plans/{id}/solving", Role.DISPATCHER), role(DELETE, "/api/plans/{id}", Role.DISPATCHER),
            role(POST, "/api/plans/{id}/what-if", Role.DISPATCHER),
            role(POST, "/api/plans/{id}/recommendations", Role.DISPATCHER),
            role(POST, "/api/plans/{id}/recommendations/apply", Role.DISPATCHER),
            role(POST, "/api/plans/{id}/appointments", Role.DISPATCHER),
            role(POST, "/api/plans/{id}/appointments/book", Role.DISPATCHER),
            role(POST, "/api/demo", Role.DISPATCHER),
            // viewer: every other read
            role(GET, "/api/{*rest}", Role.VIEWER), role(HttpMethod.HEAD, "/api/{*rest}", Role.VIEWER),
            // any other write under /api: admin
            role(null, "/api/{*rest}", Role.ADMIN));

    private AccessRules() {
    }

    /** The rule for a request; empty: not under /api or /actuator and no rule names it (static files, 404s). */
    public static Optional<Rule> find(HttpMethod method, PathContainer path) {
        return RULES.stream().filter(rule -> rule.matches(method, path)).findFirst();
    }

    public static Optional<Rule> find(HttpMethod method, String path) {
        return find(method, PathContainer.parsePath(path));
    }

    private static final Map<String, PathPattern> PARSED = new ConcurrentHashMap<>();

    static PathPattern parse(String pattern) {
        return PARSED.computeIfAbsent(pattern, PathPatternParser.defaultInstance::parse);
    }
}

package org.techroute.api.security;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Signs in a caller with an API key: {@code X-API-Key: trk_...} or {@code Authorization: Bearer trk_...}. In the
 * query ({@code ?access_key=trk_...}) only for GET, and only a technician's key (his calendar feed link) or an
 * event stream (browsers cannot send headers with them). A key that is not valid is answered 401 at once.
 */
final class ApiKeyAuthenticationFilter extends OncePerRequestFilter {

    static final String HEADER = "X-API-Key";
    static final String QUERY = "access_key";

    private final ApiKeys keys;
    private final SecurityProblems problems;

    ApiKeyAuthenticationFilter(ApiKeys keys, SecurityProblems problems) {
        this.keys = keys;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HEADER);
        String authorization = request.getHeader("Authorization");
        String fromQuery = "GET".equals(request.getMethod()) ? request.getParameter(QUERY) : null;
        String key = header != null ? header.strip()
                : authorization != null && authorization.regionMatches(true, 0, "Bearer " + ApiKeys.PREFIX, 0, 11)
                        ? authorization.substring(7).strip() : fromQuery;
        if (key == null) {
            chain.doFilter(request, response);
            return;
        }
        Optional<ApiKeys.Key> found = keys.active(key);
        boolean queryAllowed = found.isPresent() && (found.get().role() == Role.TECHNICIAN
                || request.getRequestURI().endsWith("/events"));
        if (found.isEmpty() || (key == fromQuery && !queryAllowed)) {
            SecurityContextHolder.clearContext();
            problems.commence(request, response, new SecurityProblems.BadCredentials(found.isEmpty()
                    ? "unknown or revoked API key" : "this key may not be sent in the query"));
            return;
        }
        ApiKeys.Key stored = found.get();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(new TechrouteAuthentication("key:" + stored.name(), "api-key",
                List.of(stored.role()), stored.technicianId()));
        SecurityContextHolder.setContext(context);
        chain.doFilter(request, response);
    }
}

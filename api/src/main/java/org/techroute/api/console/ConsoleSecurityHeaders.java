package org.techroute.api.console;

import java.io.IOException;
import java.net.URI;
import java.util.Locale;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A Content-Security-Policy for the console's page: scripts, styles and data only from the service itself
 * (no inline scripts), images also from the configured tile server.
 */
@Component
class ConsoleSecurityHeaders extends OncePerRequestFilter {

    private final String policy;

    ConsoleSecurityHeaders(@Value("${techroute.console.tile-url:}") String tileUrl) {
        String tiles = tileOrigin(tileUrl.strip());
        this.policy = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:"
                + (tiles.isEmpty() ? "" : " " + tiles) + "; connect-src 'self'; object-src 'none';"
                + " base-uri 'self'; frame-ancestors 'none'; form-action 'self'";
    }

    /** {@code https://{s}.tile.example.org/{z}/{x}/{y}.png} becomes {@code https://*.tile.example.org}. */
    static String tileOrigin(String tileUrl) {
        if (tileUrl.isEmpty()) {
            return "";
        }
        try {
            URI uri = URI.create(tileUrl.replace("{s}", "a").replace("{z}", "0").replace("{x}", "0")
                    .replace("{y}", "0").replace("{r}", ""));
            if (uri.getScheme() == null || uri.getHost() == null) {
                return "";
            }
            String host = tileUrl.contains("{s}.") ? "*." + uri.getHost().substring(uri.getHost().indexOf('.') + 1)
                    : uri.getHost();
            return uri.getScheme().toLowerCase(Locale.ROOT) + "://" + host + (uri.getPort() < 0 ? ""
                    : ":" + uri.getPort());
        } catch (IllegalArgumentException e) {
            return "";
        }
    }

    String policy() {
        return policy;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return !(path.equals("/") || path.equals("/index.html") || path.startsWith("/console/"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        response.setHeader("Content-Security-Policy", policy);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "same-origin");
        chain.doFilter(request, response);
    }
}

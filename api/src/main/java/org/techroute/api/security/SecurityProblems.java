package org.techroute.api.security;

import java.io.IOException;

import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.techroute.api.errors.ErrorTypes;
import org.techroute.api.errors.ErrorDocuments;

/**
 * 401, 403 and requests the firewall refuses, as problem documents. Each refusal is logged (who, what, from
 * where), never the credentials.
 */
public final class SecurityProblems implements AuthenticationEntryPoint, AccessDeniedHandler, RequestRejectedHandler {

    private static final Logger LOG = LoggerFactory.getLogger("org.techroute.security");

    private final ObjectMapper mapper;
    private final String challenge;

    /** @param challenge the {@code WWW-Authenticate} schemes offered, e.g. {@code Bearer, ApiKey} */
    public SecurityProblems(ObjectMapper mapper, String challenge) {
        this.mapper = mapper;
        this.challenge = challenge;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        boolean offered = e instanceof BadCredentials || request.getHeader("Authorization") != null
                || request.getHeader(ApiKeyAuthenticationFilter.HEADER) != null;
        String detail = offered ? "the credentials are not valid (unknown, revoked or expired key or token)"
                : "sign in: send an API key (X-API-Key) or a bearer token (Authorization: Bearer ...)";
        LOG.warn("401 {} {} from {}: {}", request.getMethod(), request.getRequestURI(), request.getRemoteAddr(),
                offered ? "invalid credentials" : "no credentials");
        response.setHeader("WWW-Authenticate", challenge);
        write(response, ErrorDocuments.of(HttpStatus.UNAUTHORIZED, ErrorTypes.UNAUTHORIZED, "Unauthorized", detail));
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        var auth = SecurityContextHolder.getContext().getAuthentication();
        String who = auth == null ? "anonymous" : auth.getName();
        String roles = auth instanceof TechrouteAuthentication t ? String.join(", ", t.roles().stream().map(Role::id)
                .sorted().toList()) : "none";
        LOG.warn("403 {} {} for {} (roles {}) from {}", request.getMethod(), request.getRequestURI(), who, roles,
                request.getRemoteAddr());
        write(response, ErrorDocuments.of(HttpStatus.FORBIDDEN, ErrorTypes.FORBIDDEN, "Forbidden",
                "your role (" + roles + ") may not " + request.getMethod() + " " + request.getRequestURI()
                        + "; see docs/operations.md, Security"));
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, RequestRejectedException e)
            throws IOException {
        LOG.warn("400 {} refused by the firewall from {}: {}", request.getMethod(), request.getRemoteAddr(),
                e.getMessage());
        boolean method = e.getMessage() != null && e.getMessage().contains("HTTP method");
        write(response, method
                ? ErrorDocuments.of(HttpStatus.METHOD_NOT_ALLOWED, ErrorTypes.METHOD_NOT_ALLOWED, "Method Not Allowed",
                        "this method is not supported here")
                : ErrorDocuments.of(HttpStatus.BAD_REQUEST, ErrorTypes.BAD_REQUEST, "Bad Request",
                        "the request's path contains characters or sequences that are not allowed (an encoded"
                                + " slash, a backslash, '..', ';', '//', %00 or other control characters)"));
    }

    void write(HttpServletResponse response, ProblemDetail problem) throws IOException {
        if (response.isCommitted()) {
            return;
        }
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        mapper.writeValue(response.getOutputStream(), problem);
    }

    /** A key or token was sent but is not valid. */
    static final class BadCredentials extends AuthenticationException {
        BadCredentials(String message) {
            super(message);
        }
    }
}

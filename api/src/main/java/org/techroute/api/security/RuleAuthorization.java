package org.techroute.api.security;

import java.util.Optional;
import java.util.function.Supplier;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.http.server.RequestPath;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

/** Decides each request by {@link AccessRules}. */
final class RuleAuthorization implements AuthorizationManager<RequestAuthorizationContext> {

    @Override
    @SuppressWarnings("deprecation")
    public AuthorizationDecision check(Supplier<Authentication> authentication, RequestAuthorizationContext context) {
        HttpServletRequest request = context.getRequest();
        if (request.getDispatcherType() == DispatcherType.ASYNC || request.getDispatcherType() == DispatcherType.ERROR) {
            // the request was decided when it came in; an event stream's later dispatches carry no credentials
            return new AuthorizationDecision(true);
        }
        PathContainer path = RequestPath.parse(request.getRequestURI(), request.getContextPath())
                .pathWithinApplication();
        HttpMethod method = HttpMethod.valueOf(request.getMethod());
        Optional<AccessRules.Rule> found = AccessRules.find(method, path);
        if (found.isEmpty()) {
            return new AuthorizationDecision(true);
        }
        AccessRules.Rule rule = found.get();
        Authentication auth = authentication.get();
        TechrouteAuthentication caller = auth instanceof TechrouteAuthentication t && t.isAuthenticated() ? t : null;
        return new AuthorizationDecision(switch (rule.access()) {
            case OPEN -> true;
            case SIGNED_IN -> caller != null;
            case ROLE -> caller != null && caller.has(rule.role());
            case OWN_TECHNICIAN -> caller != null && (caller.has(Role.VIEWER) || caller.has(Role.TECHNICIAN)
                    && caller.technicianId() != null
                    && caller.technicianId().equals(rule.variable(path, "technicianId")));
        });
    }
}

package org.techroute.api.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Reads a JWT from the identity provider into a {@link TechrouteAuthentication}: roles from the configured claim
 * (unknown roles are ignored), the technician's id and a name for the audit trail.
 */
final class JwtRoles implements Converter<Jwt, AbstractAuthenticationToken> {

    private final SecuritySettings.Jwt settings;

    JwtRoles(SecuritySettings.Jwt settings) {
        this.settings = settings;
    }

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        Set<Role> roles = new LinkedHashSet<>();
        for (String value : values(claim(jwt.getClaims(), settings.rolesClaim()))) {
            String name = value.startsWith(settings.rolePrefix()) ? value.substring(settings.rolePrefix().length())
                    : value;
            Role.byId(name).ifPresent(roles::add);
        }
        Object technician = claim(jwt.getClaims(), settings.technicianClaim());
        String technicianId = technician == null ? null : technician.toString();
        Object preferred = claim(jwt.getClaims(), settings.nameClaim());
        String name = preferred != null ? preferred.toString() : jwt.getSubject();
        return new TechrouteAuthentication(name == null ? "jwt" : name, "jwt", roles, technicianId);
    }

    /** A claim by name; dots walk into objects ({@code realm_access.roles}). */
    static Object claim(Map<String, Object> claims, String path) {
        if (path == null || path.isBlank()) {
            return null;
        }
        if (claims.containsKey(path)) {
            return claims.get(path);
        }
        Object at = claims;
        for (String part : path.split("\\.")) {
            if (!(at instanceof Map<?, ?> map)) {
                return null;
            }
            at = map.get(part);
        }
        return at;
    }

    private static Collection<String> values(Object claim) {
        Collection<String> values = new ArrayList<>();
        if (claim instanceof Collection<?> list) {
            list.forEach(v -> values.add(String.valueOf(v)));
        } else if (claim instanceof String text) {
            for (String part : text.split("[\\s,]+")) {
                if (!part.isEmpty()) {
                    values.add(part);
                }
            }
        }
        return values;
    }
}

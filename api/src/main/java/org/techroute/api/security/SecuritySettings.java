package org.techroute.api.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code techroute.security.*}: the two ways in besides the loopback-only default. The JWT resource server itself
 * is configured the Spring Boot way ({@code spring.security.oauth2.resourceserver.jwt.issuer-uri}, or
 * {@code public-key-location} / {@code jwk-set-uri}); these settings say how to read its tokens.
 *
 * @param apiKeys         API keys (created by an admin or the {@code keys} command, stored hashed)
 * @param jwt             how roles, the technician and the name are read from a JWT
 * @param allowUnsecured  listen on a non-loopback address with neither way in configured (everyone may do
 *                        everything; behind a trusted proxy only)
 */
@ConfigurationProperties("techroute.security")
public record SecuritySettings(@DefaultValue ApiKeys apiKeys, @DefaultValue Jwt jwt,
        @DefaultValue("false") boolean allowUnsecured) {

    /** @param enabled accept API keys ({@code X-API-Key} or {@code Authorization: Bearer trk_...}) */
    public record ApiKeys(@DefaultValue("false") boolean enabled) {
    }

    /**
     * @param rolesClaim      the claim with the roles (a list or a space-separated string; dots walk into
     *                        objects, e.g. {@code realm_access.roles})
     * @param rolePrefix      stripped from each role before it is matched, e.g. {@code techroute-}
     * @param technicianClaim the claim with a technician's id (his own route sheet and calendar feed)
     * @param nameClaim       the claim that names the caller in the audit trail (else {@code sub})
     */
    public record Jwt(@DefaultValue("roles") String rolesClaim, @DefaultValue("") String rolePrefix,
            @DefaultValue("technician_id") String technicianClaim,
            @DefaultValue("preferred_username") String nameClaim) {
    }
}

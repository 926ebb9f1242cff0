package org.techroute.api.security;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;

/**
 * A signed-in caller: a name for the audit trail, how he signed in ({@code api-key} or {@code jwt}), his roles
 * and, for a technician, whose route sheet he may read.
 */
public final class TechrouteAuthentication extends AbstractAuthenticationToken {

    private final String name;
    private final String via;
    private final String technicianId;
    private final Set<Role> roles;

    public TechrouteAuthentication(String name, String via, Collection<Role> roles, String technicianId) {
        super(authorities(roles));
        this.name = name;
        this.via = via;
        this.technicianId = technicianId;
        this.roles = Set.copyOf(roles);
        setAuthenticated(true);
    }

    private static List<GrantedAuthority> authorities(Collection<Role> roles) {
        Set<GrantedAuthority> all = new LinkedHashSet<>();
        roles.forEach(role -> all.addAll(role.authorities()));
        return List.copyOf(all);
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public Object getCredentials() {
        return "";
    }

    @Override
    public Object getPrincipal() {
        return name;
    }

    public String via() {
        return via;
    }

    public String technicianId() {
        return technicianId;
    }

    public Set<Role> roles() {
        return roles;
    }

    public boolean has(Role role) {
        return getAuthorities().stream().anyMatch(a -> a.getAuthority().equals(role.authority()));
    }
}

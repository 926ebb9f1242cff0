package org.techroute.api.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * Who may do what. {@code viewer} reads plans and the console; {@code dispatcher} also submits, changes, stops,
 * books and asks what-if; {@code admin} also manages API keys and nightly settings. {@code technician} stands
 * apart: he reads only his own route sheet and calendar feed.
 */
public enum Role {
    VIEWER, DISPATCHER, ADMIN, TECHNICIAN;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String authority() {
        return "ROLE_" + name();
    }

    /** The role with everything it includes (admin includes dispatcher includes viewer). */
    public List<GrantedAuthority> authorities() {
        List<Role> roles = switch (this) {
            case ADMIN -> List.of(ADMIN, DISPATCHER, VIEWER);
            case DISPATCHER -> List.of(DISPATCHER, VIEWER);
            case VIEWER -> List.of(VIEWER);
            case TECHNICIAN -> List.of(TECHNICIAN);
        };
        List<GrantedAuthority> authorities = new ArrayList<>();
        roles.forEach(role -> authorities.add(new SimpleGrantedAuthority(role.authority())));
        return authorities;
    }

    public static Optional<Role> byId(String id) {
        if (id == null) {
            return Optional.empty();
        }
        for (Role role : values()) {
            if (role.id().equalsIgnoreCase(id.strip())) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }
}

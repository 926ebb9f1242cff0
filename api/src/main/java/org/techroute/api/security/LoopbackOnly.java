package org.techroute.api.security;

import java.net.InetAddress;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.server.AbstractConfigurableWebServerFactory;
import org.springframework.boot.web.server.ConfigurableWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;

/**
 * Without a way in configured, the service trusts every caller, so it listens on loopback only: with no
 * {@code server.address} it binds 127.0.0.1 and says so; another address is refused at startup unless
 * {@code techroute.security.allow-unsecured=true}.
 */
public final class LoopbackOnly implements WebServerFactoryCustomizer<ConfigurableWebServerFactory>, Ordered {

    private static final Logger LOG = LoggerFactory.getLogger("org.techroute.security");

    private final SecurityConfiguration.Mode mode;
    private final boolean allowUnsecured;

    LoopbackOnly(SecurityConfiguration.Mode mode, boolean allowUnsecured) {
        this.mode = mode;
        this.allowUnsecured = allowUnsecured;
    }

    @Override
    public void customize(ConfigurableWebServerFactory factory) {
        if (mode.secured()) {
            LOG.info("security: {}{}", mode.apiKeys() ? "API keys" : "", mode.jwt() ? (mode.apiKeys() ? " and JWT"
                    : "JWT") + " resource server" : "");
            return;
        }
        InetAddress address = factory instanceof AbstractConfigurableWebServerFactory configurable
                ? configurable.getAddress() : null;
        if (address == null) {
            factory.setAddress(InetAddress.getLoopbackAddress());
            LOG.warn("security: no authentication configured (techroute.security.api-keys.enabled,"
                    + " spring.security.oauth2.resourceserver.jwt.*): everyone who can connect may do everything,"
                    + " so the service listens on {} only (docs/operations.md, Security)",
                    InetAddress.getLoopbackAddress().getHostAddress());
        } else if (!address.isLoopbackAddress()) {
            if (!allowUnsecured) {
                throw new UnsecuredBindException(address.getHostAddress());
            }
            LOG.warn("security: no authentication configured and listening on {} because"
                    + " techroute.security.allow-unsecured=true: everyone who can connect may do everything",
                    address.getHostAddress());
        }
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    /** Listening beyond loopback without authentication, not allowed explicitly. */
    public static final class UnsecuredBindException extends IllegalStateException {
        UnsecuredBindException(String address) {
            super("refusing to listen on " + address + " without authentication: configure API keys"
                    + " (techroute.security.api-keys.enabled=true) or a JWT issuer"
                    + " (spring.security.oauth2.resourceserver.jwt.issuer-uri), listen on 127.0.0.1, or set"
                    + " techroute.security.allow-unsecured=true to accept every caller (docs/operations.md,"
                    + " Security)");
        }
    }
}

package org.techroute.api.security;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Says in two lines why the service did not start on a non-loopback address, and what to do. */
public final class UnsecuredBindFailureAnalyzer extends AbstractFailureAnalyzer<LoopbackOnly.UnsecuredBindException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, LoopbackOnly.UnsecuredBindException cause) {
        return new FailureAnalysis(cause.getMessage(), "Configure API keys"
                + " (techroute.security.api-keys.enabled=true) or a JWT issuer"
                + " (spring.security.oauth2.resourceserver.jwt.issuer-uri); or listen on 127.0.0.1; or, on a network"
                + " you trust, set techroute.security.allow-unsecured=true.", cause);
    }
}

package org.techroute.api.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;

import org.junit.jupiter.api.Test;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;

/** Without a way in, the service listens on loopback only, and another address is refused unless allowed. */
class LoopbackOnlyTest {

    static final SecurityConfiguration.Mode NONE = new SecurityConfiguration.Mode(false, false);

    @Test
    void noAddressBecomesLoopback() {
        TomcatServletWebServerFactory factory = new TomcatServletWebServerFactory();
        new LoopbackOnly(NONE, false).customize(factory);
        assertThat(factory.getAddress()).isEqualTo(InetAddress.getLoopbackAddress());
    }

    @Test
    void anotherAddressIsRefusedWithTheWaysOut() throws Exception {
        TomcatServletWebServerFactory factory = new TomcatServletWebServerFactory();
        factory.setAddress(InetAddress.getByName("0.0.0.0"));
        assertThatThrownBy(() -> new LoopbackOnly(NONE, false).customize(factory))
                .isInstanceOf(LoopbackOnly.UnsecuredBindException.class)
                .hasMessageContaining("0.0.0.0").hasMessageContaining("techroute.security.api-keys.enabled")
                .hasMessageContaining("techroute.security.allow-unsecured");
    }

    @Test
    void anotherAddressIsKeptWhenAllowedOrSecured() throws Exception {
        InetAddress any = InetAddress.getByName("0.0.0.0");
        TomcatServletWebServerFactory allowed = new TomcatServletWebServerFactory();
        allowed.setAddress(any);
        new LoopbackOnly(NONE, true).customize(allowed);
        assertThat(allowed.getAddress()).isEqualTo(any);

        TomcatServletWebServerFactory secured = new TomcatServletWebServerFactory();
        new LoopbackOnly(new SecurityConfiguration.Mode(true, false), false).customize(secured);
        assertThat(secured.getAddress()).isNull();
    }

    @Test
    void anExplicitLoopbackAddressIsFine() throws Exception {
        TomcatServletWebServerFactory factory = new TomcatServletWebServerFactory();
        factory.setAddress(InetAddress.getByName("127.0.0.1"));
        new LoopbackOnly(NONE, false).customize(factory);
        assertThat(factory.getAddress().isLoopbackAddress()).isTrue();
    }
}

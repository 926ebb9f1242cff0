package org.techroute.api.config;

import org.apache.catalina.core.StandardHost;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.techroute.api.errors.ErrorDocumentReportValve;

/**
 * Tomcat answers in problem documents too: its error report valve writes {@code application/problem+json}, and
 * {@code TRACE} reaches Spring MVC ({@code spring.mvc.dispatch-trace-request}), which refuses it with a 405
 * problem instead of Tomcat's empty 405 (the request is never echoed).
 */
@Configuration(proxyBeanMethods = false)
public class ServerConfiguration {

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemErrorPages() {
        return factory -> {
            factory.addContextCustomizers(context -> {
                if (context.getParent() instanceof StandardHost host) {
                    host.setErrorReportValveClass(ErrorDocumentReportValve.class.getName());
                }
            });
            factory.addConnectorCustomizers(connector -> connector.setAllowTrace(true));
        };
    }
}

package org.techroute.api.support;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;
import org.techroute.api.config.JacksonConfiguration;
import org.techroute.api.config.TechrouteProperties;

/** What every {@code @WebMvcTest} slice needs besides its controller: the properties and the ObjectMapper. */
@TestConfiguration(proxyBeanMethods = false)
@EnableConfigurationProperties(TechrouteProperties.class)
@Import(JacksonConfiguration.class)
public class WebSliceConfiguration {
}

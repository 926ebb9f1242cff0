package org.techroute.api.support;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;
import org.techroute.api.config.JacksonConfiguration;
import org.techroute.api.config.TechrouteProperties;
import org.techroute.api.security.SecurityConfiguration;

/**
 * What every {@code @WebMvcTest} slice needs besides its controller: the properties, the ObjectMapper and the
 * service's security (with no way in configured: everyone may do everything, as on loopback).
 */
@TestConfiguration(proxyBeanMethods = false)
@EnableConfigurationProperties(TechrouteProperties.class)
@Import({ JacksonConfiguration.class, SecurityConfiguration.class })
public class WebSliceConfiguration {
}

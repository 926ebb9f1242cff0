package org.techroute.api.audit;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/** The audit trail and its filter, which runs inside Spring Security (it reads who the caller is). */
@Configuration(proxyBeanMethods = false)
class AuditConfiguration {

    @Bean
    AuditTrail auditTrail(JdbcTemplate jdbc) {
        return new AuditTrail(jdbc);
    }

    @Bean
    FilterRegistrationBean<AuditFilter> auditFilter(AuditTrail trail, ObjectMapper json) {
        FilterRegistrationBean<AuditFilter> registration = new FilterRegistrationBean<>(new AuditFilter(trail, json));
        registration.addUrlPatterns("/api/*");
        // after Spring Security's filter chain (-100), so the caller is known
        registration.setOrder(0);
        return registration;
    }
}

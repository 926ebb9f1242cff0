package org.techroute.api.security;

import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;

/**
 * Spring Security for the service, in one of three modes:
 * <ul>
 * <li>API keys ({@code techroute.security.api-keys.enabled=true}) and/or a JWT resource server (a
 * {@code spring.security.oauth2.resourceserver.jwt.*} setting): every request is decided by {@link AccessRules};
 * 401 and 403 are problem documents;</li>
 * <li>neither: everyone may do everything, as before, but the service listens on loopback only
 * ({@link LoopbackOnly}).</li>
 * </ul>
 * No sessions, no cookies, so no CSRF: every request carries its key or token.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
@EnableConfigurationProperties(SecuritySettings.class)
public class SecurityConfiguration {

    /** Which ways in are configured. */
    public record Mode(boolean apiKeys, boolean jwt) {
        public boolean secured() {
            return apiKeys || jwt;
        }

        String challenge() {
            return (jwt ? "Bearer realm=\"techroute\"" : "") + (jwt && apiKeys ? ", " : "")
                    + (apiKeys ? "ApiKey realm=\"techroute\", header=\"X-API-Key\"" : "");
        }
    }

    @Bean
    Mode securityMode(SecuritySettings settings, ObjectProvider<JwtDecoder> jwt) {
        return new Mode(settings.apiKeys().enabled(), jwt.getIfAvailable() != null);
    }

    @Bean
    SecurityProblems securityProblems(ObjectMapper mapper, Mode mode) {
        return new SecurityProblems(mapper, mode.challenge());
    }

    @Bean
    ApiKeys apiKeys(ObjectProvider<JdbcTemplate> jdbc) {
        return new ApiKeys(jdbc.getIfAvailable());
    }

    @Bean
    LoopbackOnly loopbackOnly(Mode mode, SecuritySettings settings) {
        return new LoopbackOnly(mode, settings.allowUnsecured());
    }

    /**
     * Spring Security makes no observations of requests, authentications or authorizations, and so does not wrap
     * each of its filters on every request for them. Switching the observations off by property alone
     * ({@code management.observations.enable.spring.security=false}) kept that wrapping, about a tenth of what a
     * request allocated (JFR under the {@code load} benchmark, {@code benchmarks/RESULTS-load.md}). Requests are
     * still timed as {@code http.server.requests}, and refused calls are logged (see {@link SecurityProblems}).
     */
    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    WebSecurityCustomizer problemFirewall(SecurityProblems problems) {
        return web -> web.requestRejectedHandler(problems);
    }

    @Bean
    SecurityFilterChain techrouteSecurity(HttpSecurity http, Mode mode, SecuritySettings settings,
            SecurityProblems problems, ApiKeys keys, ObjectProvider<JwtDecoder> jwt) throws Exception {
        http.csrf(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
        if (!mode.secured()) {
            return http.headers(AbstractHttpConfigurer::disable)
                    .authorizeHttpRequests(a -> a.anyRequest().permitAll())
                    .build();
        }
        http.headers(h -> h.defaultsDisabled().contentTypeOptions(c -> { }).cacheControl(c -> { }))
                .exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .authorizeHttpRequests(a -> a.anyRequest().access(new RuleAuthorization()));
        if (mode.apiKeys()) {
            http.addFilterBefore(new ApiKeyAuthenticationFilter(keys, problems), AnonymousAuthenticationFilter.class);
        }
        if (mode.jwt()) {
            http.oauth2ResourceServer(o -> o.jwt(j -> j.decoder(jwt.getObject())
                            .jwtAuthenticationConverter(new JwtRoles(settings.jwt())))
                    .bearerTokenResolver(bearerTokens())
                    .authenticationEntryPoint(problems)
                    .accessDeniedHandler(problems));
        }
        return http.build();
    }

    /** Bearer tokens that are not API keys; in the query ({@code access_token}) only for GET (event streams). */
    static BearerTokenResolver bearerTokens() {
        DefaultBearerTokenResolver standard = new DefaultBearerTokenResolver();
        standard.setAllowUriQueryParameter(true);
        return (HttpServletRequest request) -> {
            String token = standard.resolve(request);
            return token == null || token.startsWith(ApiKeys.PREFIX) ? null : token;
        };
    }
}

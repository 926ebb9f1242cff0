package org.techroute.api.config;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.StringSchema;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;

import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI document's description; Timefold scores are shown as the strings they serialize to. */
@Configuration(proxyBeanMethods = false)
public class OpenApiConfiguration {

    static {
        SpringDocUtils.getConfig().replaceWithSchema(HardMediumSoftLongScore.class,
                new StringSchema().example("0hard/0medium/-3600000soft")
                        .description("hard/medium/soft score, as Timefold writes it"));
    }

    @Bean
    OpenAPI techrouteOpenApi() {
        return new OpenAPI().info(new Info().title("techroute")
                .description("Technician scheduling and route optimization. Errors are RFC 9457 problem documents"
                        + " (application/problem+json) with a stable type under https://techroute.org/problems/.")
                .version("0.1.0")
                .license(new License().name("Apache-2.0")));
    }
}

package org.techroute.api.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.module.paramnames.ParameterNamesModule;

import ai.timefold.solver.jackson.api.TimefoldJacksonModule;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.json.ProblemDetailJacksonMixin;
import org.techroute.data.json.ProblemJson;

/**
 * Spring's ObjectMapper follows the problem documents' conventions ({@link ProblemJson#configure}): times with
 * offsets and never as timestamps, unknown fields and duplicate keys rejected, map keys sorted.
 */
@Configuration(proxyBeanMethods = false)
public class JacksonConfiguration {

    @Bean
    @Primary
    ObjectMapper objectMapper() {
        return ProblemJson.configure(JsonMapper.builder())
                .addModule(new Jdk8Module())
                .addModule(new ParameterNamesModule())
                .addModule(TimefoldJacksonModule.createModule())
                .addMixIn(ProblemDetail.class, ProblemDetailJacksonMixin.class)
                .build();
    }
}

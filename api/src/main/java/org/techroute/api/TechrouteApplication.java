package org.techroute.api;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The techroute service: plans, solving jobs, explanations and recommendations over HTTP. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class TechrouteApplication {

    public static void main(String[] args) {
        SpringApplication.run(TechrouteApplication.class, args);
    }
}

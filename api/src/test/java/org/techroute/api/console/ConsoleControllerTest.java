package org.techroute.api.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.techroute.api.support.WebSliceConfiguration;

@WebMvcTest(ConsoleController.class)
@Import({ WebSliceConfiguration.class, ConsoleSecurityHeaders.class })
@TestPropertySource(properties = "techroute.console.tile-url=https://{s}.tiles.example.org/{z}/{x}/{y}.png")
class ConsoleControllerTest {

    @Autowired
    MockMvc mvc;

    @Test
    void configNamesTheTileUrl() throws Exception {
        mvc.perform(get("/api/console/config"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.tileUrl").value("https://{s}.tiles.example.org/{z}/{x}/{y}.png"))
                .andExpect(jsonPath("$.tileAttribution").value(""))
                .andExpect(header().doesNotExist("Content-Security-Policy"));
    }

    @Test
    void tileOriginsForTheContentSecurityPolicy() {
        assertThat(ConsoleSecurityHeaders.tileOrigin("")).isEmpty();
        assertThat(ConsoleSecurityHeaders.tileOrigin("https://{s}.tile.example.org/{z}/{x}/{y}.png"))
                .isEqualTo("https://*.tile.example.org");
        assertThat(ConsoleSecurityHeaders.tileOrigin("http://localhost:8081/tiles/{z}/{x}/{y}.png"))
                .isEqualTo("http://localhost:8081");
        assertThat(ConsoleSecurityHeaders.tileOrigin("not a url")).isEmpty();
        assertThat(new ConsoleSecurityHeaders("").policy()).contains("script-src 'self';")
                .contains("img-src 'self' data:;");
    }
}

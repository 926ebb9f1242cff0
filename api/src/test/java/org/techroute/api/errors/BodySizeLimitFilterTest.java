package org.techroute.api.errors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.techroute.api.config.TechrouteProperties;
import org.techroute.data.json.ProblemJson;

import jakarta.servlet.ServletRequest;

class BodySizeLimitFilterTest {

    private static BodySizeLimitFilter filter(String limit) {
        var source = new MapConfigurationPropertySource(java.util.Map.of("techroute.api.max-body-bytes", limit));
        TechrouteProperties properties = new Binder(source).bindOrCreate("techroute", TechrouteProperties.class);
        return new BodySizeLimitFilter(properties, ProblemJson.mapper());
    }

    @Test
    void refusesADeclaredLengthAboveTheLimitWithoutReading() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/plans");
        request.setContent(new byte[2000]);
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain chain = new MockFilterChain();
        filter("1000B").doFilter(request, response, chain);
        assertThat(response.getStatus()).isEqualTo(413);
        assertThat(response.getContentType()).isEqualTo("application/problem+json");
        assertThat(response.getContentAsString()).contains("https://techroute.org/problems/too-large");
        assertThat(chain.getRequest()).isNull();
    }

    @Test
    void countsTheBytesOfAChunkedBody() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/plans") {
            @Override
            public long getContentLengthLong() {
                return -1; // chunked: no Content-Length
            }

            @Override
            public int getContentLength() {
                return -1;
            }
        };
        request.setContent(new byte[2000]);
        AtomicReference<ServletRequest> passed = new AtomicReference<>();
        filter("1000B").doFilter(request, new MockHttpServletResponse(), (req, res) -> passed.set(req));
        InputStream in = passed.get().getInputStream();
        assertThatThrownBy(in::readAllBytes).isInstanceOf(BodyTooLargeException.class);
    }

    @Test
    void passesBodiesWithinTheLimit() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/plans");
        request.setContent(new byte[500]);
        AtomicReference<ServletRequest> passed = new AtomicReference<>();
        filter("1000B").doFilter(request, new MockHttpServletResponse(), (req, res) -> passed.set(req));
        assertThat(passed.get().getInputStream().readAllBytes()).hasSize(500);
    }
}

package org.techroute.api.errors;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.HttpOutputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.converter.AbstractHttpMessageConverter;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.techroute.data.changes.PlanChangeRequest;
import org.techroute.data.json.ProblemFormatException;
import org.techroute.data.json.ProblemJson;
import org.techroute.data.model.Violation;

/**
 * Typed request bodies read like the command line reads documents: a {@code @RequestBody} of a type listed here is
 * read with {@link ProblemJson}, so that a bad body is answered with a 400 error document naming the JSON path and
 * entity id ({@link ApiException#malformed}), never a parser or Java type name. (A submitted problem is still read
 * from its bytes: the Idempotency-Key compares their hash.)
 */
@Configuration(proxyBeanMethods = false)
public class DocumentBodies implements WebMvcConfigurer {

    /** The document types, and how messages call them. */
    static final Map<Class<?>, String> TYPES = Map.of(PlanChangeRequest.class, "a change request");

    @Override
    public void extendMessageConverters(List<HttpMessageConverter<?>> converters) {
        converters.add(0, new Converter());
    }

    static final class Converter extends AbstractHttpMessageConverter<Object> {

        Converter() {
            super(MediaType.APPLICATION_JSON);
        }

        @Override
        protected boolean supports(Class<?> type) {
            return TYPES.containsKey(type);
        }

        @Override
        protected boolean canWrite(MediaType mediaType) {
            return false;
        }

        @Override
        protected Object readInternal(Class<?> type, HttpInputMessage input) throws IOException {
            try {
                return ProblemJson.read(input.getBody(), type, TYPES.get(type));
            } catch (ProblemFormatException e) {
                Violation violation = "the document is empty".equals(e.violation().message())
                        ? new Violation("$", null, "the request body is empty") : e.violation();
                throw new HttpMessageNotReadableException(violation.message(), ApiException.malformed(violation),
                        input);
            }
        }

        @Override
        protected void writeInternal(Object document, HttpOutputMessage output) {
            throw new UnsupportedOperationException("read only");
        }
    }
}

package org.techroute.api.config;

import java.lang.reflect.Method;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.stereotype.Controller;
import org.springframework.web.accept.ContentNegotiationManager;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Finds the handlers of {@link PolledRead} endpoints first. Spring MVC finds the handler of a path with variables
 * ({@code /api/plans/{id}/status}) by trying every request mapping of the service in turn, and does so twice per
 * request (Spring Security's {@code HandlerMappingIntrospector} asks too): measured under the load test, that was
 * over a third of a status read's time on the request threads. This mapping holds only the polled reads, so it
 * answers in a few comparisons, and it is asked before the others (every other request passes it at the cost of
 * those few comparisons). The endpoints stay in the ordinary mapping as well (the OpenAPI document reads it).
 */
@Configuration(proxyBeanMethods = false)
public class PolledReads {

    @Bean
    RequestMappingHandlerMapping polledReadMapping(ContentNegotiationManager mvcContentNegotiationManager) {
        RequestMappingHandlerMapping mapping = new RequestMappingHandlerMapping() {
            @Override
            protected boolean isHandler(Class<?> beanType) {
                return AnnotatedElementUtils.hasAnnotation(beanType, Controller.class);
            }

            @Override
            protected RequestMappingInfo getMappingForMethod(Method method, Class<?> handlerType) {
                return method.isAnnotationPresent(PolledRead.class) ? super.getMappingForMethod(method, handlerType)
                        : null;
            }

            @Override
            protected HandlerMethod handleNoMatch(Set<RequestMappingInfo> infos, String lookupPath,
                    HttpServletRequest request) {
                return null; // not a polled read (e.g. another method on its path): the ordinary mapping decides
            }
        };
        mapping.setOrder(Ordered.HIGHEST_PRECEDENCE);
        mapping.setContentNegotiationManager(mvcContentNegotiationManager);
        return mapping;
    }
}

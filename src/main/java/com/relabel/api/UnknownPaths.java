package com.relabel.api;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.PathContainer;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Whatever under /api no endpoint takes: a 404 problem for a path no endpoint has (the Vaadin
 * servlet would otherwise answer with the app's page), a 405 with {@code Allow} for a path that
 * takes other methods, a 415 for a body of another type (an endpoint that takes a multipart form
 * sent JSON).
 */
@RestController
@Hidden
class UnknownPaths {

  private static final String CATCH_ALL = "/api/**";

  private final RequestMappingHandlerMapping mappings;

  UnknownPaths(@Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings) {
    this.mappings = mappings;
  }

  @RequestMapping(CATCH_ALL)
  ResponseEntity<ProblemDetail> unknown(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    Set<String> allowed = new TreeSet<>();
    Set<String> consumes = new TreeSet<>();
    mappings
        .getHandlerMethods()
        .keySet()
        .forEach(
            info -> {
              if (matches(info, path)) {
                info.getMethodsCondition().getMethods().forEach(m -> allowed.add(m.name()));
                info.getConsumesCondition().getConsumableMediaTypes().stream()
                    .map(Object::toString)
                    .forEach(consumes::add);
              }
            });
    if (allowed.isEmpty()) {
      throw new NoSuchElementException(
          "no API endpoint " + request.getMethod() + " " + path + "; see /api/openapi.json");
    }
    if (allowed.contains(request.getMethod())) {
      return problem(
          HttpStatus.UNSUPPORTED_MEDIA_TYPE,
          path + " takes a body of type " + String.join(" or ", consumes),
          null);
    }
    return problem(
        HttpStatus.METHOD_NOT_ALLOWED,
        path + " takes " + String.join(", ", allowed) + ", not " + request.getMethod(),
        String.join(", ", allowed));
  }

  private static boolean matches(RequestMappingInfo info, String path) {
    var patterns = info.getPathPatternsCondition();
    return patterns != null
        && patterns.getPatterns().stream()
            .anyMatch(
                p ->
                    !p.getPatternString().equals(CATCH_ALL)
                        && p.matches(PathContainer.parsePath(path)));
  }

  private static ResponseEntity<ProblemDetail> problem(
      HttpStatus status, String detail, String allow) {
    var builder = ResponseEntity.status(status);
    if (allow != null) {
      builder.header(HttpHeaders.ALLOW, allow);
    }
    return builder.body(ProblemDetail.forStatusAndDetail(status, detail));
  }
}

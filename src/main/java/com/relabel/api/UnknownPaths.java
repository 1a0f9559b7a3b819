package com.relabel.api;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import java.util.NoSuchElementException;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Any path under /api that no endpoint serves is a 404 problem, not the Vaadin app's page that the
 * servlet would otherwise answer with.
 */
@RestController
@Hidden
class UnknownPaths {

  @RequestMapping("/api/**")
  void unknown(HttpServletRequest request) {
    throw new NoSuchElementException(
        "no API endpoint "
            + request.getMethod()
            + " "
            + request.getRequestURI()
            + "; see /api/openapi.json");
  }
}

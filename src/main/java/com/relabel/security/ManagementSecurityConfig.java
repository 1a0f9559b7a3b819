package com.relabel.security;

import org.springframework.boot.actuate.autoconfigure.web.server.ManagementPortType;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * The actuator (health, Prometheus metrics) is served only on the management port, which listens on
 * 127.0.0.1 (decision 0033): it is not public by its address, so its endpoints need no login.
 * Spring Security's filters run on that port too (Boot registers them in the management server's
 * child context), so without this chain the UI's chain would send a scraper to the login page.
 * {@code /actuator/**} on the application's own port is refused (403), as is every endpoint when
 * the management port is set to the application's port.
 */
@Configuration
class ManagementSecurityConfig {

  @Bean
  @Order(0)
  SecurityFilterChain managementFilterChain(HttpSecurity http, Environment environment)
      throws Exception {
    boolean ownPort = ManagementPortType.get(environment) == ManagementPortType.DIFFERENT;
    RequestMatcher endpoints = EndpointRequest.toAnyEndpoint();
    RequestMatcher actuatorPaths = PathPatternRequestMatcher.withDefaults().matcher("/actuator/**");
    http.securityMatcher(new OrRequestMatcher(endpoints, actuatorPaths))
        .csrf(csrf -> csrf.disable())
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .requestCache(cache -> cache.disable())
        .authorizeHttpRequests(
            auth -> {
              var endpoint = auth.requestMatchers(endpoints);
              if (ownPort) {
                endpoint.permitAll();
              } else {
                endpoint.denyAll();
              }
              auth.anyRequest().denyAll();
            });
    return http.build();
  }
}

package com.relabel.security;

import com.relabel.security.ui.LoginView;
import com.vaadin.flow.spring.security.VaadinAwareSecurityContextHolderStrategyConfiguration;
import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;

/**
 * Two filter chains. The REST API under {@code /api} is stateless and authenticated by API tokens
 * ({@link ApiTokens}): no session, no CSRF token, no login page, 401 or 403 as problem JSON. The
 * rest is form login for the Vaadin UI; roles are enforced on views ({@code @RolesAllowed}) and
 * again on services ({@code @PreAuthorize}), so a hidden button is never the only guard.
 */
@Configuration
@EnableWebSecurity
@EnableMethodSecurity(jsr250Enabled = true)
@Import(VaadinAwareSecurityContextHolderStrategyConfiguration.class)
class SecurityConfig {

  /** The path of the OpenAPI description (springdoc.api-docs.path), readable without a token. */
  static final String OPENAPI_PATH = "/api/openapi.json";

  @Bean
  @Order(1)
  SecurityFilterChain apiFilterChain(
      HttpSecurity http, ApiTokens tokens, SecurityContextHolderStrategy contexts)
      throws Exception {
    // /error too: an API request that fails before reaching a controller (an upload over the size
    // limit) is forwarded there, and must get Boot's JSON error, not the UI's login redirect
    http.securityMatcher("/api/**", "/error")
        .csrf(csrf -> csrf.disable())
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .requestCache(cache -> cache.disable())
        .addFilterBefore(new ApiTokenFilter(tokens, contexts), AnonymousAuthenticationFilter.class)
        .authorizeHttpRequests(
            auth ->
                auth.requestMatchers(OPENAPI_PATH, OPENAPI_PATH + "/**", "/error")
                    .permitAll()
                    .anyRequest()
                    .authenticated())
        .exceptionHandling(
            e ->
                e.authenticationEntryPoint(
                        (request, response, ex) ->
                            ApiProblems.write(
                                response,
                                HttpServletResponse.SC_UNAUTHORIZED,
                                "send an API token: Authorization: Bearer rlb_..."))
                    .accessDeniedHandler(
                        (request, response, ex) ->
                            ApiProblems.write(
                                response,
                                HttpServletResponse.SC_FORBIDDEN,
                                "the token's owner may not do this")));
    return http.build();
  }

  @Bean
  @Order(2)
  SecurityFilterChain securityFilterChain(HttpSecurity http, UserAccounts accounts)
      throws Exception {
    http.addFilterAfter(new DisabledUserFilter(accounts), AuthorizationFilter.class);
    http.authorizeHttpRequests(
        auth ->
            auth.requestMatchers("/styles/**", "/icons/**", "/webjars/**")
                .permitAll()
                .requestMatchers("/export/**")
                .hasRole(Roles.ADMIN)
                .requestMatchers("/images/**")
                .authenticated());
    return http.with(VaadinSecurityConfigurer.vaadin(), c -> c.loginView(LoginView.class)).build();
  }

  /** BCrypt by default, with the {id} prefix so the algorithm can be upgraded later. */
  @Bean
  PasswordEncoder passwordEncoder() {
    return PasswordEncoderFactories.createDelegatingPasswordEncoder();
  }
}

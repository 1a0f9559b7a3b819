package com.relabel.security;

import com.relabel.security.ui.LoginView;
import com.vaadin.flow.spring.security.VaadinAwareSecurityContextHolderStrategyConfiguration;
import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.Order;
import org.springframework.security.authorization.AuthenticatedAuthorizationManager;
import org.springframework.security.authorization.AuthorityAuthorizationManager;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer.AuthorizedUrl;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.header.HeaderWriterFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * Two filter chains. The REST API under {@code /api} is stateless and authenticated by API tokens
 * ({@link ApiTokens}): no session, no CSRF token, no login page, 401 or 403 as problem JSON; a
 * read-only token ({@link ApiTokenScope}) may only GET and HEAD there. The rest is form login for
 * the Vaadin UI; roles are enforced on views ({@code @RolesAllowed}) and again on services
 * ({@code @PreAuthorize}), so a hidden button is never the only guard. Failed logins and bad tokens
 * are throttled ({@link LoginThrottle}); every response carries nosniff, a Content-Security-Policy,
 * same-origin framing and a referrer policy.
 */
@Configuration
@EnableWebSecurity
@EnableMethodSecurity(jsr250Enabled = true)
@Import(VaadinAwareSecurityContextHolderStrategyConfiguration.class)
class SecurityConfig {

  /** The path of the OpenAPI description (springdoc.api-docs.path), readable without a token. */
  static final String OPENAPI_PATH = "/api/openapi.json";

  /**
   * The UI's Content-Security-Policy: everything from this origin only (ECharts comes from a WebJar
   * here); Vaadin Flow's bootstrap and client engine need inline scripts and styles and {@code
   * eval} (Vaadin's "Content Security Policy" documentation); images may be data/blob URLs.
   */
  static final String UI_CSP =
      "default-src 'self'; script-src 'self' 'unsafe-inline' 'unsafe-eval'; "
          + "style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; "
          + "connect-src 'self'; worker-src 'self' blob:; object-src 'none'; base-uri 'self'; "
          + "form-action 'self'; frame-ancestors 'self'";

  /** The REST API answers JSON, CSV and files: nothing in them may load or run anything. */
  static final String API_CSP = "default-src 'none'; frame-ancestors 'self'";

  private static final AuthenticatedAuthorizationManager<RequestAuthorizationContext>
      AUTHENTICATED = AuthenticatedAuthorizationManager.authenticated();

  private static final AuthorityAuthorizationManager<RequestAuthorizationContext> ADMINS =
      AuthorityAuthorizationManager.hasRole(Roles.ADMIN);

  @Bean
  @Order(1)
  SecurityFilterChain apiFilterChain(
      HttpSecurity http,
      ApiTokens tokens,
      SecurityContextHolderStrategy contexts,
      LoginThrottle throttle)
      throws Exception {
    // /error too: an API request that fails before reaching a controller (an upload over the size
    // limit) is forwarded there, and must get Boot's JSON error, not the UI's login redirect
    http.securityMatcher("/api/**", "/error")
        .csrf(csrf -> csrf.disable())
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .requestCache(cache -> cache.disable())
        .headers(headers -> securityHeaders(headers, API_CSP))
        .addFilterBefore(
            new ApiTokenFilter(tokens, contexts, throttle), AnonymousAuthenticationFilter.class)
        .authorizeHttpRequests(
            auth ->
                auth.requestMatchers(OPENAPI_PATH, OPENAPI_PATH + "/**", "/error")
                    .permitAll()
                    // accounts and tokens are the admins' (the services say so too, decision 0034)
                    .requestMatchers(
                        "/api/v1/users", "/api/v1/users/**", "/api/v1/tokens", "/api/v1/tokens/**")
                    .access(
                        (authentication, context) ->
                            ApiTokenScope.readOnly(authentication.get())
                                    && ApiTokenScope.changes(context.getRequest())
                                ? new AuthorizationDecision(false)
                                : ADMINS.authorize(authentication, context))
                    // a read-only token may only read (decision 0032); ApiTokenFilter refuses it
                    // first with its own reason, this rule holds whatever set the authentication
                    .requestMatchers(ApiTokenScope::changes)
                    .access(
                        (authentication, context) ->
                            ApiTokenScope.readOnly(authentication.get())
                                ? new AuthorizationDecision(false)
                                : AUTHENTICATED.authorize(authentication, context))
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
                                ApiTokenScope.readOnly(contexts.getContext().getAuthentication())
                                        && ApiTokenScope.changes(request)
                                    ? "this token is read-only: it may only read (GET, HEAD)"
                                    : "the token's owner may not do this")));
    return http.build();
  }

  @Bean
  @Order(2)
  SecurityFilterChain securityFilterChain(
      HttpSecurity http, UserAccounts accounts, LoginThrottle throttle) throws Exception {
    http.addFilterAfter(new DisabledUserFilter(accounts), AuthorizationFilter.class);
    // a locked-out user name or address is refused before its password is checked
    http.addFilterBefore(
        new LoginThrottleFilter(throttle), UsernamePasswordAuthenticationFilter.class);
    http.headers(headers -> securityHeaders(headers, UI_CSP));
    http.authorizeHttpRequests(
        auth ->
            auth.requestMatchers("/styles/**", "/icons/**", "/webjars/**")
                .permitAll()
                .requestMatchers("/export/**")
                .hasRole(Roles.ADMIN)
                .requestMatchers("/images/**")
                .authenticated());
    // any authenticated request reaches Vaadin, so an unknown address gets the app's own "no page"
    // view instead of Spring's bare Forbidden page (decision 0025); views keep their own rules
    return http.with(
            VaadinSecurityConfigurer.vaadin(),
            c -> c.loginView(LoginView.class).anyRequest(AuthorizedUrl::authenticated))
        .build();
  }

  /** nosniff, the CSP, no framing by other sites, and only the origin as referrer to others. */
  private static void securityHeaders(HeadersConfigurer<HttpSecurity> headers, String csp) {
    headers
        // before the request goes on: Vaadin writes its pages past the lazy (on commit) writer
        .withObjectPostProcessor(
            new ObjectPostProcessor<HeaderWriterFilter>() {
              @Override
              public <O extends HeaderWriterFilter> O postProcess(O filter) {
                filter.setShouldWriteHeadersEagerly(true);
                return filter;
              }
            })
        .contentTypeOptions(Customizer.withDefaults())
        .contentSecurityPolicy(policy -> policy.policyDirectives(csp))
        .frameOptions(frames -> frames.sameOrigin())
        .referrerPolicy(
            referrer -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN));
  }

  /** BCrypt by default, with the {id} prefix so the algorithm can be upgraded later. */
  @Bean
  PasswordEncoder passwordEncoder() {
    return PasswordEncoderFactories.createDelegatingPasswordEncoder();
  }
}

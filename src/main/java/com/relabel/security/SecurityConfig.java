package com.relabel.security;

import com.relabel.security.ui.LoginView;
import com.vaadin.flow.spring.security.VaadinAwareSecurityContextHolderStrategyConfiguration;
import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;

/**
 * Form login for the Vaadin UI; roles are enforced on views ({@code @RolesAllowed}) and again on
 * services ({@code @PreAuthorize}), so a hidden button is never the only guard.
 */
@Configuration
@EnableWebSecurity
@EnableMethodSecurity(jsr250Enabled = true)
@Import(VaadinAwareSecurityContextHolderStrategyConfiguration.class)
class SecurityConfig {

  @Bean
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

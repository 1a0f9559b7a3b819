package com.relabel.security;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Counts password logins for the {@link LoginThrottle}: every wrong password (or unknown user name)
 * that Spring Security's authentication manager refuses, and every success.
 */
@Component
class LoginAttempts {

  private final LoginThrottle throttle;

  LoginAttempts(LoginThrottle throttle) {
    this.throttle = throttle;
  }

  @EventListener
  void failed(AuthenticationFailureBadCredentialsEvent event) {
    var auth = event.getAuthentication();
    String address =
        auth.getDetails() instanceof WebAuthenticationDetails web ? web.getRemoteAddress() : null;
    throttle.failed(auth.getName(), address);
  }

  @EventListener
  void succeeded(AuthenticationSuccessEvent event) {
    throttle.succeeded(event.getAuthentication().getName());
  }
}

package com.relabel.security.ui;

import com.relabel.security.LoginThrottle;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.time.Duration;
import java.util.List;

/** The login page. Spring Security processes the form posted to /login. */
@Route(value = "login", autoLayout = false)
@PageTitle("Log in · Relabel")
@AnonymousAllowed
public class LoginView extends VerticalLayout implements BeforeEnterObserver {

  private final LoginForm login = new LoginForm();

  public LoginView() {
    setSizeFull();
    setAlignItems(Alignment.CENTER);
    setJustifyContentMode(JustifyContentMode.CENTER);
    login.setAction("login");
    login.setForgotPasswordButtonVisible(false);
    login.setId("login-form");
    add(new H1("Relabel"), new Paragraph("Find and fix mislabeled training data."), login);
  }

  @Override
  public void beforeEnter(BeforeEnterEvent event) {
    var params = event.getLocation().getQueryParameters().getParameters();
    if (params.containsKey("error")) {
      Duration wait = lockedFor(params.get("locked"));
      if (wait.isPositive()) {
        LoginI18n i18n = LoginI18n.createDefault();
        LoginI18n.ErrorMessage error = new LoginI18n.ErrorMessage();
        error.setTitle("Too many failed logins");
        error.setMessage(
            "Logins for this user are paused. Wait "
                + LoginThrottle.describe(wait)
                + " and try again.");
        i18n.setErrorMessage(error);
        login.setI18n(i18n);
      }
      login.setError(true);
    }
  }

  /** The wait the login throttle redirected with ({@code ?locked=<seconds>}), zero if none. */
  static Duration lockedFor(List<String> values) {
    if (values == null || values.isEmpty()) {
      return Duration.ZERO;
    }
    try {
      long seconds = Long.parseLong(values.getFirst().strip());
      return seconds > 0 && seconds <= 86_400 ? Duration.ofSeconds(seconds) : Duration.ZERO;
    } catch (NumberFormatException e) {
      return Duration.ZERO;
    }
  }
}

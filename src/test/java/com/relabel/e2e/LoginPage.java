package com.relabel.e2e;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

/** Page object: the login form. */
final class LoginPage {
  private final Page page;
  private final String baseUrl;

  LoginPage(Page page, String baseUrl) {
    this.page = page;
    this.baseUrl = baseUrl;
  }

  void loginAs(String username, String password) {
    page.navigate(baseUrl + "/login");
    page.locator("input[name='username']").fill(username);
    page.locator("input[name='password']").fill(password);
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log in")).click();
    page.waitForURL(url -> !url.contains("/login"));
  }
}

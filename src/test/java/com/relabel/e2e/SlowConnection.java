package com.relabel.e2e;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.Route;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Holds the page's requests to the Vaadin server back until closed, as a slow connection would:
 * what the user does meanwhile happens while the old screen is still shown, and reaches the server
 * only after the answer to the first request has changed the screen.
 */
final class SlowConnection implements AutoCloseable {

  private final Page page;
  private final Predicate<String> uidl = url -> url.contains("v-r=uidl");
  private final List<Route> held = new ArrayList<>();

  SlowConnection(Page page) {
    this.page = page;
    page.route(uidl, held::add);
  }

  /** Lets the held requests go, in the order they were made; later ones pass at once. */
  @Override
  public void close() {
    page.unroute(uidl);
    held.forEach(Route::resume);
    held.clear();
  }
}

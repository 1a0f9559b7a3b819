package com.relabel.base.ui;

import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.vaadin.flow.server.menu.MenuConfiguration;
import com.vaadin.flow.spring.security.AuthenticationContext;

/**
 * The frame around every view: the title, a navigation built from the views' {@code @Menu}
 * annotations (filtered by the user's access), and who is logged in.
 */
@Layout
@AnonymousAllowed
public final class MainLayout extends AppLayout {

  public MainLayout(AuthenticationContext authentication) {
    var title = new Span("Relabel");
    title.addClassName("app-title");

    var nav = new SideNav();
    nav.setId("main-nav");
    MenuConfiguration.getMenuEntries()
        .forEach(entry -> nav.addItem(new SideNavItem(entry.title(), entry.path())));

    var user = new Span(authentication.getPrincipalName().orElse(""));
    user.setId("current-user");
    var logout = new Button("Log out", e -> authentication.logout());
    logout.setId("logout");
    logout.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
    var header = new HorizontalLayout(new DrawerToggle(), title, user, logout);
    header.setWidthFull();
    header.setAlignItems(FlexComponent.Alignment.CENTER);
    header.expand(title);
    header.addClassName("app-header");

    addToNavbar(header);
    addToDrawer(nav);
    setPrimarySection(Section.DRAWER);
  }
}

package com.relabel.base.ui;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.AccessDeniedException;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.ParentLayout;
import com.vaadin.flow.server.HttpStatusCode;
import jakarta.annotation.security.PermitAll;

/**
 * What a logged-in user sees instead of a view their role may not open: inside the app's frame,
 * with its navigation and a link back to the start page. Navigation access control refused the view
 * before it was made, so nothing of it is on the page. Every view closed to a logged-in user is an
 * admin's ({@code @RolesAllowed(Roles.ADMIN)}); anonymous users are sent to the login instead.
 */
@ParentLayout(MainLayout.class)
@PermitAll
@PageTitle("For admins · Relabel")
class AccessDeniedView extends VerticalLayout implements HasErrorParameter<AccessDeniedException> {

  AccessDeniedView() {
    setId("access-denied");
    add(
        new H2("This page is for admins"),
        new Paragraph("Your account may not open it. Ask an admin if you need what it shows."),
        ErrorPages.backToStart());
  }

  @Override
  public int setErrorParameter(
      BeforeEnterEvent event, ErrorParameter<AccessDeniedException> parameter) {
    return HttpStatusCode.FORBIDDEN.getCode();
  }
}

package com.relabel.base.ui;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.ParentLayout;
import com.vaadin.flow.server.HttpStatusCode;
import jakarta.annotation.security.PermitAll;

/** An address that no view has, said inside the app's frame, with a link back to the start page. */
@ParentLayout(MainLayout.class)
@PermitAll
@PageTitle("No such page · Relabel")
class PageNotFoundView extends VerticalLayout implements HasErrorParameter<NotFoundException> {

  private final H2 title = new H2();

  PageNotFoundView() {
    setId("page-not-found");
    title.setId("page-not-found-title");
    add(
        title,
        new Paragraph("The address may be mistyped, or the page may have moved."),
        ErrorPages.backToStart());
  }

  @Override
  public int setErrorParameter(
      BeforeEnterEvent event, ErrorParameter<NotFoundException> parameter) {
    title.setText("No page at /" + event.getLocation().getPath());
    return HttpStatusCode.NOT_FOUND.getCode();
  }
}

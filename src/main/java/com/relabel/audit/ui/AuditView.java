package com.relabel.audit.ui;

import com.relabel.audit.AuditEntry;
import com.relabel.audit.AuditTrail;
import com.relabel.security.Roles;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** Every decision, newest first: who, when, which sample, the label before and after. */
@Route("audit")
@PageTitle("Audit trail · Relabel")
@Menu(order = 20, title = "Audit trail")
@RolesAllowed(Roles.ADMIN)
class AuditView extends VerticalLayout {

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.systemDefault());

  AuditView(AuditTrail trail) {
    setSizeFull();
    var grid = new Grid<AuditEntry>();
    grid.setId("audit-grid");
    grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
    grid.addColumn(e -> TIME.format(e.getOccurredAt())).setHeader("When").setAutoWidth(true);
    grid.addColumn(AuditEntry::getActor).setHeader("Who").setAutoWidth(true);
    grid.addColumn(AuditEntry::getAction).setHeader("Action").setAutoWidth(true);
    grid.addColumn(AuditEntry::getDatasetId).setHeader("Dataset").setAutoWidth(true);
    grid.addColumn(AuditEntry::getSampleIndex).setHeader("Sample").setAutoWidth(true);
    grid.addColumn(AuditEntry::getOldLabel).setHeader("Old label").setAutoWidth(true);
    grid.addColumn(AuditEntry::getNewLabel).setHeader("New label").setAutoWidth(true);
    grid.addColumn(AuditEntry::getNewStatus).setHeader("Status").setAutoWidth(true);
    grid.addColumn(e -> e.getScore() == null ? "" : String.format("%.4f", e.getScore()))
        .setHeader("Score")
        .setAutoWidth(true);
    grid.addColumn(AuditEntry::getRunId).setHeader("Run").setAutoWidth(true);
    grid.setItems(
        query -> trail.page(query.getOffset(), query.getLimit()).stream(),
        query -> (int) trail.count());
    var title = new H2("Audit trail");
    add(title, grid);
    expand(grid);
  }
}

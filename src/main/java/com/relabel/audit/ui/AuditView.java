package com.relabel.audit.ui;

import com.relabel.audit.AuditEntry;
import com.relabel.audit.AuditFilter;
import com.relabel.audit.AuditTrail;
import com.relabel.security.Roles;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * Every decision, newest first: who, when, which sample, the label before and after; filtered by
 * user, action, dates, sample and dataset, and exported as CSV with the same filters.
 */
@Route("audit")
@PageTitle("Audit trail · Relabel")
@Menu(order = 20, title = "Audit trail")
@RolesAllowed(Roles.ADMIN)
class AuditView extends VerticalLayout {

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.systemDefault());

  private static final ZoneId ZONE = ZoneId.systemDefault();
  private AuditFilter filter = AuditFilter.none();

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
    // a comment, as plain text (a text column never renders HTML)
    grid.addColumn(AuditEntry::getNote).setHeader("Comment").setAutoWidth(true);
    var actor = new TextField("User");
    actor.setId("audit-actor");
    actor.setClearButtonVisible(true);
    var action = new Select<String>();
    action.setLabel("Action");
    action.setId("audit-action");
    action.setItems(
        "",
        "CONFIRM",
        "CORRECT",
        "EXCLUDE",
        "UNDO",
        "VOTE",
        "CONSENSUS",
        "DISPUTE",
        "RESOLVE",
        "UNSURE",
        "COMMENT");
    action.setItemLabelGenerator(a -> a.isEmpty() ? "any" : a);
    action.setValue("");
    var from = new DatePicker("From");
    var to = new DatePicker("To (inclusive)");
    var sample = new IntegerField("Sample #");
    sample.setId("audit-sample");
    var dataset = new IntegerField("Dataset id");
    var export = new Anchor("", "Export CSV");
    export.setId("audit-export");
    export.getElement().setAttribute("router-ignore", true);
    export.getElement().setAttribute("download", true);

    Runnable apply =
        () -> {
          filter =
              new AuditFilter(
                  actor.getValue(),
                  action.getValue(),
                  from.getValue() == null ? null : from.getValue().atStartOfDay(ZONE).toInstant(),
                  to.getValue() == null
                      ? null
                      : to.getValue().plusDays(1).atStartOfDay(ZONE).toInstant(),
                  sample.getValue(),
                  dataset.getValue() == null ? null : dataset.getValue().longValue());
          load(grid, trail);
          export.setHref(exportUrl(filter));
        };
    actor.setValueChangeMode(ValueChangeMode.LAZY);
    actor.addValueChangeListener(e -> apply.run());
    action.addValueChangeListener(e -> apply.run());
    from.addValueChangeListener(e -> apply.run());
    to.addValueChangeListener(e -> apply.run());
    sample.addValueChangeListener(e -> apply.run());
    dataset.addValueChangeListener(e -> apply.run());

    load(grid, trail);
    export.setHref(exportUrl(filter));
    var filters = new HorizontalLayout(actor, action, from, to, sample, dataset, export);
    filters.setAlignItems(Alignment.BASELINE);
    filters.getStyle().set("flex-wrap", "wrap");
    add(new H2("Audit trail"), filters, grid);
    expand(grid);
  }

  /** Gives the grid a fresh data provider bound to the current filter. */
  private void load(Grid<AuditEntry> grid, AuditTrail trail) {
    AuditFilter current = filter;
    grid.setItems(
        query -> trail.page(current, query.getOffset(), query.getLimit()).stream(),
        query -> (int) trail.count(current));
  }

  private static String exportUrl(AuditFilter f) {
    var url = new StringBuilder("export/audit.csv?");
    param(url, "actor", f.actor());
    param(url, "action", f.action());
    param(url, "from", f.from());
    param(url, "to", f.to());
    param(url, "sample", f.sampleIndex());
    param(url, "dataset", f.datasetId());
    return url.toString();
  }

  private static void param(StringBuilder url, String name, Object value) {
    if (value != null && !value.toString().isBlank()) {
      url.append(name)
          .append('=')
          .append(URLEncoder.encode(value.toString(), StandardCharsets.UTF_8))
          .append('&');
    }
  }
}

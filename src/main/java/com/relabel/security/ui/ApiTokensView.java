package com.relabel.security.ui;

import com.relabel.security.ApiTokenInfo;
import com.relabel.security.ApiTokenScope;
import com.relabel.security.ApiTokens;
import com.relabel.security.NewApiToken;
import com.relabel.security.Roles;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.radiobutton.RadioGroupVariant;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * Admins make and revoke the tokens that pipelines send to the REST API. A new token is shown once,
 * in a dialog; afterwards only its first characters are. Each token is Full or Read-only (decision
 * 0032), chosen when it is made and shown in the list.
 */
@Route("api-tokens")
@PageTitle("API tokens · Relabel")
@Menu(order = 31, title = "API tokens")
@RolesAllowed(Roles.ADMIN)
class ApiTokensView extends VerticalLayout {

  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.systemDefault());

  private final ApiTokens tokens;
  private final Grid<ApiTokenInfo> grid = new Grid<>();

  ApiTokensView(ApiTokens tokens) {
    this.tokens = tokens;
    grid.setId("tokens-grid");
    grid.addColumn(ApiTokenInfo::name).setHeader("Name").setAutoWidth(true);
    grid.addColumn(t -> ApiTokens.PREFIX + t.prefix() + "…").setHeader("Token").setAutoWidth(true);
    grid.addColumn(ApiTokenInfo::owner).setHeader("Acts as").setAutoWidth(true);
    grid.addColumn(t -> t.scope().label()).setHeader("Scope").setAutoWidth(true);
    grid.addColumn(t -> when(t.createdAt())).setHeader("Made").setAutoWidth(true);
    grid.addColumn(t -> when(t.lastUsedAt())).setHeader("Last used").setAutoWidth(true);
    grid.addColumn(t -> t.revoked() ? "revoked " + when(t.revokedAt()) : "active")
        .setHeader("Status")
        .setAutoWidth(true);
    grid.addComponentColumn(this::revokeButton).setHeader("").setFlexGrow(1);
    var create = new Button("New token", e -> createDialog());
    create.setId("new-token");
    create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    var docs = new Anchor("api/openapi.json", "OpenAPI description");
    docs.getElement().setAttribute("router-ignore", true);
    add(
        new H2("API tokens"),
        new Paragraph(
            "Pipelines call the REST API under /api/v1 with a token in the header"
                + " Authorization: Bearer rlb_…. A token acts as you, with your role at the time of"
                + " each request; revoking it refuses its next request. A read-only token may only"
                + " read (GET): it can fetch datasets, runs, scores, labels and the audit trail,"
                + " and is refused anything that would change them."),
        docs,
        create,
        grid);
    refresh();
  }

  private void refresh() {
    grid.setItems(tokens.all());
  }

  private Button revokeButton(ApiTokenInfo token) {
    var revoke =
        new Button(
            "Revoke",
            e -> {
              tokens.revoke(token.id());
              refresh();
            });
    revoke.setId("revoke-" + token.id());
    revoke.addThemeVariants(ButtonVariant.LUMO_ERROR);
    revoke.setEnabled(!token.revoked());
    return revoke;
  }

  private void createDialog() {
    var dialog = new Dialog();
    dialog.setHeaderTitle("New API token");
    var name = new TextField("What it is for");
    name.setId("new-token-name");
    name.setPlaceholder("nightly training pipeline");
    var scope = new RadioButtonGroup<ApiTokenScope>("What it may do");
    scope.setId("new-token-scope");
    scope.setItems(ApiTokenScope.FULL, ApiTokenScope.READ_ONLY);
    scope.setItemLabelGenerator(s -> s.label() + ": " + s.description());
    scope.addThemeVariants(RadioGroupVariant.LUMO_VERTICAL);
    scope.setValue(ApiTokenScope.FULL);
    scope.setRequired(true);
    var save = new Button("Create", e -> create(dialog, name.getValue(), scope.getValue()));
    save.setId("create-token");
    save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    dialog.add(new VerticalLayout(name, scope));
    dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), save);
    dialog.open();
  }

  private void create(Dialog dialog, String name, ApiTokenScope scope) {
    NewApiToken made;
    try {
      made = tokens.create(name, scope);
    } catch (IllegalArgumentException e) {
      Notification.show(e.getMessage(), 5000, Notification.Position.MIDDLE)
          .addThemeVariants(NotificationVariant.LUMO_ERROR);
      return;
    }
    refresh();
    dialog.removeAll();
    dialog.getFooter().removeAll();
    var token = new TextField("Token");
    token.setId("new-token-value");
    token.setValue(made.token());
    token.setReadOnly(true);
    token.setWidthFull();
    var copy = new Button("Copy", e -> copy(token));
    copy.setId("copy-token");
    copy.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    var field = new HorizontalLayout(token, copy);
    field.setWidthFull();
    field.setAlignItems(FlexComponent.Alignment.BASELINE);
    field.expand(token);
    dialog.add(
        new Paragraph(
            "Copy it now: it is shown only this once, and only its hash is stored. "
                + made.scope().label()
                + ": it "
                + made.scope().description()
                + "."),
        field);
    var done = new Button("Done", e -> dialog.close());
    done.setId("token-done");
    dialog.getFooter().add(done);
    dialog.setWidth("min(44em, 95vw)"); // the whole token in view
  }

  /**
   * Copies the token to the clipboard in the browser. Where the Clipboard API is missing (a page
   * served over plain HTTP to another host) or refused, the field's text is selected and copied the
   * old way; if that fails too, it stays selected for Ctrl+C.
   */
  private static void copy(TextField token) {
    token
        .getElement()
        .executeJs(
            """
            const input = this.inputElement;
            const select = () => {
              input.focus();
              input.select();
              try { return document.execCommand('copy'); } catch (e) { return false; }
            };
            if (navigator.clipboard && window.isSecureContext) {
              return navigator.clipboard.writeText(input.value).then(() => true, select);
            }
            return select();
            """)
        .then(Boolean.class, copied -> copied(copied), error -> copied(false));
  }

  private static void copied(boolean copied) {
    var n =
        Notification.show(
            copied ? "Copied" : "Selected: press Ctrl+C to copy it",
            3000,
            Notification.Position.BOTTOM_CENTER);
    n.setId("token-copied");
    if (copied) {
      n.addThemeVariants(NotificationVariant.LUMO_SUCCESS);
    }
  }

  private static String when(Instant at) {
    return at == null ? "" : WHEN.format(at);
  }
}

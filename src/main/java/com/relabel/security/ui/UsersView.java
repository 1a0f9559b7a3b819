package com.relabel.security.ui;

import com.relabel.security.AppUser;
import com.relabel.security.Role;
import com.relabel.security.Roles;
import com.relabel.security.UserAccounts;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.function.Consumer;

/** Admins manage accounts: create, change role, disable or enable, reset the password. */
@Route("users")
@PageTitle("Users · Relabel")
@Menu(order = 30, title = "Users")
@RolesAllowed(Roles.ADMIN)
class UsersView extends VerticalLayout {

  private final UserAccounts accounts;
  private final Grid<AppUser> grid = new Grid<>();

  UsersView(UserAccounts accounts) {
    this.accounts = accounts;
    grid.setId("users-grid");
    grid.addColumn(AppUser::getUsername).setHeader("User").setAutoWidth(true);
    grid.addComponentColumn(this::roleSelect).setHeader("Role").setAutoWidth(true);
    grid.addColumn(u -> u.isEnabled() ? "active" : "disabled")
        .setHeader("Status")
        .setAutoWidth(true);
    grid.addComponentColumn(this::actions).setHeader("").setFlexGrow(1);
    var create = new Button("New user", e -> createDialog());
    create.setId("new-user");
    create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    add(new H2("Users"), create, grid);
    refresh();
  }

  private void refresh() {
    grid.setItems(accounts.all());
  }

  private Select<Role> roleSelect(AppUser user) {
    var select = new Select<Role>();
    select.setItems(Role.values());
    select.setValue(user.getRole());
    select.setId("role-" + user.getUsername());
    select.addValueChangeListener(
        e -> {
          if (e.isFromClient()) {
            attempt(() -> accounts.changeRole(user.getId(), e.getValue()));
          }
        });
    return select;
  }

  private HorizontalLayout actions(AppUser user) {
    var toggle =
        new Button(
            user.isEnabled() ? "Disable" : "Enable",
            e -> attempt(() -> accounts.setEnabled(user.getId(), !user.isEnabled())));
    toggle.setId((user.isEnabled() ? "disable-" : "enable-") + user.getUsername());
    var reset =
        new Button(
            "Reset password",
            e ->
                passwordDialog(
                    "New password for " + user.getUsername(),
                    pw -> accounts.resetPassword(user.getId(), pw)));
    reset.setId("reset-" + user.getUsername());
    return new HorizontalLayout(toggle, reset);
  }

  private void createDialog() {
    var dialog = new Dialog();
    dialog.setHeaderTitle("New user");
    var name = new TextField("User name");
    name.setId("new-user-name");
    var password = new PasswordField("Password (8 characters or more)");
    password.setId("new-user-password");
    var role = new Select<Role>();
    role.setLabel("Role");
    role.setItems(Role.values());
    role.setValue(Role.ANNOTATOR);
    var save =
        new Button(
            "Create",
            e -> {
              if (attempt(
                  () -> accounts.create(name.getValue(), password.getValue(), role.getValue()))) {
                dialog.close();
              }
            });
    save.setId("create-user");
    save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    dialog.add(new VerticalLayout(name, password, role));
    dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), save);
    dialog.open();
  }

  private void passwordDialog(String title, Consumer<String> apply) {
    var dialog = new Dialog();
    dialog.setHeaderTitle(title);
    var password = new PasswordField("Password (8 characters or more)");
    var save =
        new Button(
            "Set password",
            e -> {
              if (attempt(() -> apply.accept(password.getValue()))) {
                dialog.close();
              }
            });
    save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    dialog.add(password);
    dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), save);
    dialog.open();
  }

  /** Runs a change; shows the reason when it is refused. Returns whether it went through. */
  private boolean attempt(Runnable change) {
    try {
      change.run();
      refresh();
      return true;
    } catch (IllegalArgumentException e) {
      Notification.show(e.getMessage(), 5000, Notification.Position.MIDDLE)
          .addThemeVariants(NotificationVariant.LUMO_ERROR);
      refresh();
      return false;
    }
  }
}

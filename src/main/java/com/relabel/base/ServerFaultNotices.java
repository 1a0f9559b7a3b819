package com.relabel.base;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.server.DefaultErrorHandler;
import com.vaadin.flow.server.ErrorEvent;
import com.vaadin.flow.server.ErrorHandler;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every view's errors that no view handled itself: a database outage or a full disk is said to the
 * user in plain words (the action was not saved), any other error as "failed on the server"; the
 * stack trace goes to the log only. Installed as each Vaadin session's error handler.
 */
@org.springframework.stereotype.Component
class ServerFaultNotices implements VaadinServiceInitListener, ErrorHandler {

  private static final long serialVersionUID = 1L;
  private static final Logger log = LoggerFactory.getLogger(ServerFaultNotices.class);

  private final DefaultErrorHandler logging = new DefaultErrorHandler();

  @Override
  public void serviceInit(ServiceInitEvent event) {
    event.getSource().addSessionInitListener(e -> e.getSession().setErrorHandler(this));
  }

  @Override
  public void error(ErrorEvent event) {
    ServerFault fault = ServerFault.of(event.getThrowable());
    String message;
    if (fault == ServerFault.DATABASE_UNREACHABLE) {
      log.warn("database unreachable: {}", event.getThrowable().toString());
      message = "Not saved: " + ServerFault.DATABASE_MESSAGE + ".";
    } else if (fault == ServerFault.DISK_FULL) {
      log.warn("disk full: {}", event.getThrowable().toString());
      message = "Not saved: " + ServerFault.DISK_MESSAGE + ".";
    } else {
      logging.error(event);
      message = "That failed on the server; its log says why. Reload the page and try again.";
    }
    ui(event)
        .ifPresent(
            ui -> {
              var n = new Notification(message, 0, Notification.Position.TOP_CENTER);
              n.addThemeVariants(NotificationVariant.LUMO_ERROR);
              n.setId("server-fault");
              ui.add(n);
              n.open();
            });
  }

  private static Optional<UI> ui(ErrorEvent event) {
    UI current = UI.getCurrent();
    return current != null ? Optional.of(current) : event.getComponent().flatMap(Component::getUI);
  }
}

package com.relabel.workspace.ui;

import com.relabel.dataset.ImportBoard;
import com.relabel.dataset.ImportStatus;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.server.VaadinSession;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The start page's list of the imports running on this node, whoever started them ({@link
 * ImportBoard}): "'Topics' (text): Wrote 1,000 of 2,000 · started by admin", pushed at each 1,000
 * written as the import page's own progress is ({@link ImportProgress}); a failed one shows its
 * reason until the user dismisses it (for the rest of their session) or {@link
 * ImportBoard#FAILURE_SHOWN} has passed.
 */
class RunningImports extends VerticalLayout {

  private static final String DISMISSED = RunningImports.class.getName() + ".dismissed";

  private final ImportBoard board;

  /**
   * @param imported what the page does when an import is done and its dataset is there
   */
  RunningImports(ImportBoard board, Runnable imported) {
    this.board = board;
    setId("running-imports");
    setPadding(false);
    setSpacing(false);
    addAttachListener(
        attach -> {
          UI ui = attach.getUI();
          show(board.current());
          Runnable unsubscribe =
              board.subscribe(
                  change -> {
                    try {
                      ui.access(
                          () -> {
                            show(change.board());
                            if (change.changed().succeeded()) {
                              imported.run();
                            }
                          });
                    } catch (UIDetachedException gone) {
                      // the page was left between the change and the push: nothing to draw
                    }
                  });
          addDetachListener(
              detach -> {
                unsubscribe.run();
                detach.unregisterListener();
              });
        });
  }

  private void show(List<ImportStatus> imports) {
    removeAll();
    Set<Long> dismissed = dismissed();
    // always visible, empty when there is nothing to list: Flow does not send the children of a
    // hidden component, so hiding it would leave the last lines in the browser
    imports.stream().filter(s -> !dismissed.contains(s.id())).forEach(s -> add(line(s)));
  }

  private HorizontalLayout line(ImportStatus s) {
    String who = " · started by " + s.startedBy();
    String what = "'" + s.name() + "' (" + s.format().toLowerCase() + ")";
    var text = new Span();
    var line = new HorizontalLayout(text);
    line.setAlignItems(Alignment.BASELINE);
    if (s.failed()) {
      line.setId("failed-import-" + s.id());
      text.setText(what + " failed: " + s.failure() + who);
      text.getStyle().set("color", "var(--lumo-error-text-color)");
      var dismiss = new Button("Dismiss", e -> dismiss(s.id()));
      dismiss.setId("dismiss-import-" + s.id());
      dismiss.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
      line.add(dismiss);
    } else {
      line.setId("running-import-" + s.id());
      String progress =
          s.checked()
              ? String.format("Wrote %,d of %,d", s.written(), s.total())
              : "Checking the file…";
      text.setText(what + ": " + progress + who);
    }
    return line;
  }

  private void dismiss(long id) {
    dismissed().add(id);
    show(board.current());
  }

  /** The failures this user dismissed in this session (their own choice, not everyone's). */
  @SuppressWarnings("unchecked")
  private static Set<Long> dismissed() {
    VaadinSession session = VaadinSession.getCurrent();
    Set<Long> ids = (Set<Long>) session.getAttribute(DISMISSED);
    if (ids == null) {
      ids = new HashSet<>();
      session.setAttribute(DISMISSED, ids);
    }
    return ids;
  }
}

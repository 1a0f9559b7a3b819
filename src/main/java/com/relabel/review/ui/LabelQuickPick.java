package com.relabel.review.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import java.util.List;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;

/**
 * Picks the class to correct to by typing part of its name or number (L or /): for datasets with
 * more classes than digits. Enter takes the highlighted class, Escape closes it.
 */
final class LabelQuickPick {

  private List<String> classNames = List.of();

  void setClassNames(List<String> classNames) {
    this.classNames = List.copyOf(classNames);
  }

  /** Opens the quick-pick; {@code correct} gets the class picked. */
  void open(IntConsumer correct) {
    var box = new ComboBox<Integer>("Correct to");
    box.setId("label-quick-pick-box");
    box.setItems(IntStream.range(0, classNames.size()).boxed().toList());
    box.setItemLabelGenerator(
        k ->
            classNames.get(k).equals(Integer.toString(k))
                ? classNames.get(k)
                : k + " · " + classNames.get(k));
    box.setWidthFull();
    box.setAutoOpen(true);
    // typed digits and letters are the filter here, not the review view's shortcuts
    box.getElement()
        .executeJs(
            "this.addEventListener('keydown', e => { if (e.key !== 'Escape') e.stopPropagation(); })");
    var dialog = new Dialog(box);
    dialog.setId("label-quick-pick");
    dialog.setHeaderTitle("Correct the label");
    dialog.setWidth("24rem");
    dialog.getFooter().add(new Button("Cancel (Esc)", e -> dialog.close()));
    box.addValueChangeListener(
        e -> {
          if (e.getValue() != null) {
            dialog.close();
            correct.accept(e.getValue());
          }
        });
    dialog.addOpenedChangeListener(
        e -> {
          if (e.isOpened()) {
            box.focus();
          }
        });
    dialog.open();
    box.focus();
  }
}

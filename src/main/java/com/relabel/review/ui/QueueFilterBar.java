package com.relabel.review.ui;

import com.relabel.dataset.SampleStatus;
import com.relabel.review.QueueFilter;
import com.relabel.review.QueueIssue;
import com.relabel.review.ReviewService;
import com.relabel.scoring.CartographyRegion;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.component.textfield.TextField;
import java.util.EnumSet;
import java.util.List;
import java.util.function.IntFunction;
import java.util.stream.IntStream;

/** The queue grid's filter controls and its sort-by-method select. */
final class QueueFilterBar extends HorizontalLayout {

  private final ComboBox<Integer> given = new ComboBox<>("Given label");
  private final ComboBox<Integer> suggested = new ComboBox<>("Suggested");
  private final MultiSelectComboBox<SampleStatus> status = new MultiSelectComboBox<>("Status");
  private final NumberField min = new NumberField("Score from");
  private final NumberField max = new NumberField("to");
  private final ComboBox<CartographyRegion> region = new ComboBox<>("Region");
  private final ComboBox<String> flagged = new ComboBox<>("Flagged by");
  private final TextField decidedBy = new TextField("Decided by");
  private final ComboBox<QueueIssue> issue = new ComboBox<>("Issue");
  private final Select<String> sort = new Select<>();
  private Runnable onChange = () -> {};

  QueueFilterBar() {
    setId("queue-filters");
    setAlignItems(FlexComponent.Alignment.BASELINE);
    getStyle().set("flex-wrap", "wrap");
    given.setId("filter-given");
    suggested.setId("filter-suggested");
    status.setId("filter-status");
    min.setId("filter-min");
    max.setId("filter-max");
    region.setId("filter-region");
    flagged.setId("filter-flagged");
    decidedBy.setId("filter-decided-by");
    issue.setId("filter-issue");
    issue.setItems(QueueIssue.values());
    issue.setItemLabelGenerator(QueueIssue::caption);
    issue.setClearButtonVisible(true);
    issue.setWidth("13rem");
    sort.setId("sort-method");
    sort.setLabel("Sort by");
    status.setItems(EnumSet.allOf(SampleStatus.class));
    status.setItemLabelGenerator(SampleStatus::name);
    region.setItems(CartographyRegion.values());
    region.setItemLabelGenerator(r -> r.name().toLowerCase());
    for (var box : List.of(given, suggested)) {
      box.setWidth("9rem");
      box.setClearButtonVisible(true);
    }
    region.setClearButtonVisible(true);
    flagged.setClearButtonVisible(true);
    decidedBy.setClearButtonVisible(true);
    min.setWidth("7rem");
    max.setWidth("7rem");
    min.setStep(0.01);
    max.setStep(0.01);
    region.setWidth("9rem");
    flagged.setWidth("9rem");
    decidedBy.setWidth("9rem");
    add(given, suggested, status, min, max, region, flagged, decidedBy, issue, sort);
    List<HasValue<?, ?>> fields =
        List.of(given, suggested, status, min, max, region, flagged, decidedBy, issue, sort);
    fields.forEach(
        f ->
            f.addValueChangeListener(
                e -> {
                  if (e.isFromClient()) {
                    onChange.run();
                  }
                }));
  }

  /** The classes (for the label boxes) and the methods that scored the active run. */
  void setOptions(int numClasses, IntFunction<String> labelName, List<String> methods) {
    List<Integer> labels = IntStream.range(0, numClasses).boxed().toList();
    given.setItems(labels);
    suggested.setItems(labels);
    given.setItemLabelGenerator(labelName::apply);
    suggested.setItemLabelGenerator(labelName::apply);
    sort.setItems(methods);
    flagged.setItems(methods.stream().filter(m -> !ReviewService.ENSEMBLE.equals(m)).toList());
  }

  /** Shows a filter and sort without telling the change listener. */
  void show(QueueFilter filter, String sortMethod) {
    given.setValue(filter.given());
    suggested.setValue(filter.suggested());
    status.setValue(filter.statuses());
    min.setValue(filter.minScore());
    max.setValue(filter.maxScore());
    region.setValue(filter.region());
    flagged.setValue(filter.flaggedBy());
    decidedBy.setValue(filter.decidedBy() == null ? "" : filter.decidedBy());
    issue.setValue(filter.issue());
    sort.setValue(sortMethod);
  }

  /**
   * The filter as the controls show it.
   *
   * @throws IllegalArgumentException if the controls make no valid filter (an empty score range)
   */
  QueueFilter filter() {
    return new QueueFilter(
        given.getValue(),
        suggested.getValue(),
        status.getValue(),
        min.getValue(),
        max.getValue(),
        region.getValue(),
        flagged.getValue(),
        decidedBy.getValue(),
        issue.getValue());
  }

  String sortMethod() {
    return sort.getValue() == null ? ReviewService.ENSEMBLE : sort.getValue();
  }

  /** Called when a reviewer changes a control. */
  void onChange(Runnable listener) {
    this.onChange = listener;
  }
}

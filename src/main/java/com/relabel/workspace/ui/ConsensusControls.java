package com.relabel.workspace.ui;

import com.relabel.review.Disputes;
import com.relabel.review.ReviewPolicies;
import com.relabel.security.CurrentUser;
import com.relabel.security.Roles;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.spring.annotation.SpringComponent;

/**
 * The consensus settings on a dataset's card (admins): how many agreeing reviews make a label
 * final, and the way to the dataset's disputes. The server checks the role again on every call.
 */
@SpringComponent
class ConsensusControls {

  private final ReviewPolicies policies;
  private final Disputes disputes;

  ConsensusControls(ReviewPolicies policies, Disputes disputes) {
    this.policies = policies;
    this.disputes = disputes;
  }

  /** The controls for one dataset; empty for annotators. */
  Component forDataset(long datasetId) {
    var box = new HorizontalLayout();
    box.setAlignItems(HorizontalLayout.Alignment.BASELINE);
    if (!CurrentUser.hasRole(Roles.ADMIN)) {
      return box;
    }
    var required = new IntegerField("Reviews per sample");
    required.setId("required-reviews-" + datasetId);
    required.setMin(1);
    required.setMax(ReviewPolicies.MAX_REQUIRED_REVIEWS);
    required.setStepButtonsVisible(true);
    required.setWidth("9rem");
    required.setHelperText("1 = one decision; more = consensus");
    required.setValue(policies.requiredReviews(datasetId));
    required.addValueChangeListener(
        e -> {
          if (!e.isFromClient() || e.getValue() == null) {
            return;
          }
          try {
            policies.setRequiredReviews(datasetId, e.getValue());
            Notification.show(
                    e.getValue() == 1
                        ? "One decision per sample is final."
                        : e.getValue() + " agreeing reviews make a label final.",
                    4000,
                    Notification.Position.BOTTOM_START)
                .setId("required-reviews-saved");
          } catch (IllegalArgumentException ex) {
            Notification.show(ex.getMessage(), 5000, Notification.Position.MIDDLE)
                .addThemeVariants(NotificationVariant.LUMO_WARNING);
            required.setValue(e.getOldValue());
          }
        });
    long open = disputes.count(datasetId);
    var toDisputes =
        new Button(
            "Disputes (" + open + ")", e -> UI.getCurrent().navigate("disputes/" + datasetId));
    toDisputes.setId("disputes-" + datasetId);
    box.add(required, toDisputes);
    return box;
  }
}

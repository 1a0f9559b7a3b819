package com.relabel.api;

import com.relabel.review.ReviewAction;
import java.util.Locale;
import tools.jackson.databind.JsonNode;

/**
 * A reviewer's decision on one sample over the API: {@code action} is confirm, correct, exclude or
 * skip; {@code label} the right class for correct; {@code version} the sample's version that {@code
 * review/next} returned, so a decision on a sample changed meanwhile is refused (409), as in the
 * review view.
 */
record DecisionRequest(String action, Integer label, Long version) {

  static final String SKIP = "skip";

  static DecisionRequest of(JsonNode body) {
    DecisionRequest asked = ApiJson.read(body, DecisionRequest.class, "a decision");
    if (asked == null || asked.action() == null) {
      throw ApiJson.missing("action", "confirm, correct, exclude or skip");
    }
    return asked;
  }

  boolean skip() {
    return SKIP.equals(action.strip().toLowerCase(Locale.ROOT));
  }

  /** The reviewer's choice; the label and version it needs must be there. */
  ReviewAction choice(int classes) {
    ReviewAction choice =
        switch (action.strip().toLowerCase(Locale.ROOT)) {
          case "confirm" -> ReviewAction.CONFIRM;
          case "correct" -> ReviewAction.CORRECT;
          case "exclude" -> ReviewAction.EXCLUDE;
          default ->
              throw new IllegalArgumentException(
                  "field 'action': unknown action '"
                      + action
                      + "'; known: confirm, correct, exclude, skip");
        };
    if (version == null) {
      throw ApiJson.missing("version", "the sample's version that review/next returned");
    }
    if (choice == ReviewAction.CORRECT) {
      if (label == null) {
        throw ApiJson.missing("label", "the right class (0.." + (classes - 1) + ") for correct");
      }
      if (label < 0 || label >= classes) {
        throw new IllegalArgumentException(
            "field 'label': "
                + label
                + " is not a class of this dataset (0.."
                + (classes - 1)
                + ")");
      }
    } else if (label != null) {
      throw new IllegalArgumentException(
          "field 'label' belongs to correct only; "
              + choice.name().toLowerCase(Locale.ROOT)
              + " keeps the sample's label");
    }
    return choice;
  }
}

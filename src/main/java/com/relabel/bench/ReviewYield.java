package com.relabel.bench;

/** After {@code reviews} items of the ensemble's queue, {@code errorsFound} were wrong labels. */
public record ReviewYield(int reviews, int errorsFound) {
  public double per100() {
    return 100.0 * errorsFound / reviews;
  }
}

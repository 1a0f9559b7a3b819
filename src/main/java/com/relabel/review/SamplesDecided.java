package com.relabel.review;

import java.util.List;

/**
 * A bulk decision changed several samples: published once per chunk inside the transaction that
 * changed them, one {@link SampleDecided} per changed sample.
 */
public record SamplesDecided(List<SampleDecided> decisions) {

  public SamplesDecided {
    decisions = List.copyOf(decisions);
  }
}

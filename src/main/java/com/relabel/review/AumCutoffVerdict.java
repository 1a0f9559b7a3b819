package com.relabel.review;

/**
 * Where a sample stands against its run's data-driven AUM cut-off (the pass with threshold samples,
 * decision 0015).
 *
 * @param cutoff the run's cut-off: the 99th percentile of the threshold samples' AUM
 * @param below whether the sample's AUM is below it, i.e. it is probably mislabeled
 */
public record AumCutoffVerdict(double cutoff, boolean below) {}

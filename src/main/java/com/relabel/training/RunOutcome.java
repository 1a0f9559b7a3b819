package com.relabel.training;

import com.relabel.scoring.AumCutoff;
import com.relabel.scoring.ExpectedYield;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * What a run found, as {@code training_run} stores it: the errors it estimates and expects, its
 * held-out accuracy, its AUM cut-off, why it held back, the ensemble weights refitted from reviews.
 * All null until the run has measured them (Hibernate then loads no instance: {@link
 * TrainingRun#emptyPartsForNullColumns} puts an empty one in its place).
 */
@Embeddable
public class RunOutcome {

  @Column(name = "estimated_errors")
  private Integer estimatedErrors;

  @Column(name = "expected_errors_top100")
  private Double expectedErrorsTop100;

  @Column(name = "expected_errors_top1000")
  private Double expectedErrorsTop1000;

  @Column(length = 2000)
  private String evaluation;

  @Column(name = "held_out_count")
  private Integer heldOutCount;

  @Column(name = "held_out_accuracy")
  private Double heldOutAccuracy;

  @Column(name = "held_back_reason", length = 500)
  private String heldBackReason;

  @Column(name = "aum_cutoff")
  private Double aumCutoff;

  @Column(name = "aum_threshold_samples")
  private Integer aumThresholdSamples;

  @Column(name = "aum_flagged_count")
  private Integer aumFlaggedCount;

  @Column(name = "method_weights", length = 1000)
  private String methodWeights;

  void succeed(int estimatedErrors, ExpectedYield expectedYield, String evaluation) {
    this.estimatedErrors = estimatedErrors;
    this.expectedErrorsTop100 = expectedYield == null ? null : expectedYield.top100();
    this.expectedErrorsTop1000 = expectedYield == null ? null : expectedYield.top1000();
    this.evaluation = evaluation;
  }

  void heldOutCount(int count) {
    this.heldOutCount = count;
  }

  void heldOutAccuracy(Double accuracy) {
    this.heldOutAccuracy = accuracy;
  }

  void holdBack(String reason) {
    this.heldBackReason = reason.substring(0, Math.min(reason.length(), 500));
  }

  void aumThreshold(AumCutoff cut) {
    this.aumCutoff = cut.cutoff();
    this.aumThresholdSamples = cut.thresholdCount();
    this.aumFlaggedCount = cut.flaggedCount();
  }

  void methodWeights(String weights) {
    this.methodWeights = weights;
  }

  public Integer getEstimatedErrors() {
    return estimatedErrors;
  }

  /**
   * How many wrong labels the run expected among the first 100 samples of its queue (all of them,
   * if fewer), from its own probabilities ({@link ExpectedYield}); null until it succeeds.
   */
  public Double getExpectedErrorsTop100() {
    return expectedErrorsTop100;
  }

  /** As {@link #getExpectedErrorsTop100()}, among the first 1,000 samples of its queue. */
  public Double getExpectedErrorsTop1000() {
    return expectedErrorsTop1000;
  }

  public String getEvaluation() {
    return evaluation;
  }

  /** Samples held out of training (never trained on) to measure accuracy; null before start. */
  public Integer getHeldOutCount() {
    return heldOutCount;
  }

  /**
   * The final model's accuracy on the held-out samples against their current labels, or null when
   * the run held nothing out or has not succeeded. Per epoch in {@code run_epoch}.
   */
  public Double getHeldOutAccuracy() {
    return heldOutAccuracy;
  }

  /**
   * Why the run did not take over the queue when it finished, e.g. "held-out accuracy 0.810 <
   * active run #3's 0.870" (decision 0026); null when it took over, or has not succeeded. Kept
   * after an admin activates it by hand.
   */
  public String getHeldBackReason() {
    return heldBackReason;
  }

  /**
   * The AUM cut-off (99th percentile of the threshold samples' AUM), or null when the run had no
   * such pass or has not succeeded.
   */
  public Double getAumCutoff() {
    return aumCutoff;
  }

  /** How many samples were threshold samples in the AUM pass, or null. */
  public Integer getAumThresholdSamples() {
    return aumThresholdSamples;
  }

  /** How many samples fell below the AUM cut-off, or null when the run had no such pass. */
  public Integer getAumFlaggedCount() {
    return aumFlaggedCount;
  }

  /** The ensemble's weights as re-fitted from reviews ("loss=1.20,aum=0.00,..."), or null. */
  public String getMethodWeights() {
    return methodWeights;
  }
}

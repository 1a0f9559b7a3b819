package com.relabel.engine;

/**
 * The five settings every training has, set one at a time: epochs, batch size, learning rate, seed
 * and device, starting from those of {@link TrainingOptions#defaults()}. Shared by {@link
 * TrainingOptions.Builder} and the run settings a user chooses, so that each builder adds only what
 * is its own.
 *
 * @param <B> the builder itself, so that each setter returns it
 */
public abstract class TrainingSettingsBuilder<B extends TrainingSettingsBuilder<B>> {

  protected int epochs = 5;
  protected int batchSize = 128;
  protected float learningRate = 1e-3f;
  protected long seed = 42;
  protected DeviceChoice device = DeviceChoice.AUTO;

  /** This builder, as its own type. */
  protected abstract B self();

  public B epochs(int value) {
    epochs = value;
    return self();
  }

  public B batchSize(int value) {
    batchSize = value;
    return self();
  }

  public B learningRate(float value) {
    learningRate = value;
    return self();
  }

  public B seed(long value) {
    seed = value;
    return self();
  }

  public B device(DeviceChoice value) {
    device = value;
    return self();
  }
}

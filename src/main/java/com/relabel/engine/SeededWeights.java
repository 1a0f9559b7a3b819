package com.relabel.engine;

import ai.djl.engine.Engine;
import java.util.function.Supplier;

/**
 * Draws a new model's first weights from its seed, one model at a time in this process. PyTorch has
 * one random generator per process: {@code Engine.setRandomSeed} resets it, and DJL's weight
 * initialisers draw from it. Two runs that seed and initialise at the same moment (two datasets
 * training on one node, or a background run beside a test) would interleave their draws, and the
 * same seed would give other weights. Holding one lock from the seed to the last weight drawn keeps
 * a seeded run's start its own. Dropout draws from the same generator while a model trains, so a
 * network with dropout trained beside another is not repeatable to the bit; the latent model has no
 * dropout and is.
 */
final class SeededWeights {

  private static final Object LOCK = new Object();

  private SeededWeights() {}

  /** Seeds the generator with {@code seed}, then runs {@code initialise}, with no draw between. */
  static <T> T drawn(long seed, Supplier<T> initialise) {
    synchronized (LOCK) {
      Engine.getInstance().setRandomSeed(Long.hashCode(seed));
      return initialise.get();
    }
  }
}

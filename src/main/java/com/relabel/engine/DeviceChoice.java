package com.relabel.engine;

/** Where a model trains. */
public enum DeviceChoice {
  /** The first GPU when DJL sees one, else the CPU. */
  AUTO,
  CPU,
  /** The first GPU; training fails when DJL sees none. */
  GPU
}

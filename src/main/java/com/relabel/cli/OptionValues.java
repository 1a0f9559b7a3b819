package com.relabel.cli;

import com.relabel.engine.DeviceChoice;
import java.util.Locale;

/** Parsing of option values shared by the commands, with messages that name the option. */
final class OptionValues {
  private OptionValues() {}

  static int positive(String flag, String value) {
    return (int) atLeast(flag, value, 1);
  }

  static long atLeast(String flag, String value, long min) {
    long v = parseLong(flag, value);
    if (v < min || v > Integer.MAX_VALUE) {
      throw new IllegalArgumentException(flag + " must be an integer >= " + min + ", not " + value);
    }
    return v;
  }

  static long parseLong(String flag, String value) {
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(flag + " must be an integer, not " + value);
    }
  }

  static DeviceChoice deviceChoice(String value) {
    try {
      return DeviceChoice.valueOf(value.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--device must be auto, cpu or gpu, not " + value);
    }
  }
}

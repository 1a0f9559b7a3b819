package com.relabel.cli;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * The {@code --flag value} pairs of a command line: every flag known to the command, each given
 * once and followed by its value, or a message that names the offending flag.
 */
final class Options {

  private final Map<String, String> values;

  private Options(Map<String, String> values) {
    this.values = values;
  }

  static Options parse(String[] args, Set<String> known) {
    return parse(args, known, Set.of());
  }

  /** Like {@link #parse(String[], Set)}; the flags in {@code switches} take no value. */
  static Options parse(String[] args, Set<String> known, Set<String> switches) {
    Map<String, String> values = new HashMap<>();
    for (int i = 0; i < args.length; i += 2) {
      String flag = args[i];
      if (switches.contains(flag)) {
        if (values.put(flag, "true") != null) {
          throw new IllegalArgumentException(flag + " is given twice");
        }
        i--;
        continue;
      }
      if (!known.contains(flag)) {
        throw new IllegalArgumentException("unknown option " + flag);
      }
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException("missing value after " + flag);
      }
      if (values.put(flag, args[i + 1]) != null) {
        throw new IllegalArgumentException(flag + " is given twice");
      }
    }
    return new Options(values);
  }

  /** The flag's value read by {@code parser(flag, value)}, or {@code otherwise} when absent. */
  <T> T get(String flag, BiFunction<String, String, T> parser, T otherwise) {
    String value = values.get(flag);
    return value == null ? otherwise : parser.apply(flag, value);
  }

  /** Whether the switch (a flag without value) was given. */
  boolean has(String flag) {
    return values.containsKey(flag);
  }

  /** The flag's value as a path, or {@code null} when absent. */
  Path path(String flag) {
    return get(flag, (f, value) -> Path.of(value), null);
  }
}

package com.relabel.cli;

import java.util.function.Function;
import java.util.function.ToIntFunction;

/**
 * A command's usage text, and the one way every command starts: its arguments parsed, or the
 * problem and the usage printed to standard error and exit code {@value #EXIT_CODE}.
 *
 * @param command how the problem line starts, e.g. {@code "relabel score"}
 * @param text the usage printed after it
 */
record Usage(String command, String text) {

  /** The exit code of a command line that could not be parsed. */
  static final int EXIT_CODE = 2;

  /**
   * Parses {@code args} and runs {@code command} on what they say; arguments that cannot be parsed
   * print the problem and the usage instead and give {@value #EXIT_CODE}.
   *
   * @return the command's exit code
   */
  <A> int run(String[] args, Function<String[], A> parser, ToIntFunction<A> command) {
    A parsed;
    try {
      parsed = parser.apply(args);
    } catch (IllegalArgumentException e) {
      System.err.println(this.command + ": " + e.getMessage());
      System.err.print(text);
      return EXIT_CODE;
    }
    return command.applyAsInt(parsed);
  }
}

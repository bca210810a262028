package org.lmforge.bench;

/**
 * The positional arguments of the benchmarks' main methods, each with its default when left out.
 */
public final class BenchArgs {
  private BenchArgs() {}

  /** {@code args[i]}, or {@code otherwise} when there are not that many arguments. */
  public static String at(String[] args, int i, String otherwise) {
    return args.length > i ? args[i] : otherwise;
  }

  /** {@code args[i]} as an int, or {@code otherwise} when there are not that many arguments. */
  public static int intAt(String[] args, int i, int otherwise) {
    return args.length > i ? Integer.parseInt(args[i]) : otherwise;
  }
}

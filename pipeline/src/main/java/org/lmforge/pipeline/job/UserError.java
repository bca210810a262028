package org.lmforge.pipeline.job;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;

/**
 * A mistake the user can fix: a missing, unfinished or wrong-kind input, or a bad setting. The
 * command line prints {@code error: <message>} and exits 2, without a stack trace; the message says
 * what is wrong, where (file, record, key), and the fix. Anything else that escapes a job is a
 * runtime failure (exit 1, cause chain).
 */
public class UserError extends RuntimeException {
  public UserError(String message) {
    super(message);
  }

  public UserError(String message, Throwable cause) {
    super(message, cause);
  }

  /** {@code <what> <where>; <fix>}: the one shape of every input error. */
  public static UserError of(String what, String where, String fix) {
    return new UserError(what + " " + where + "; " + fix);
  }

  /** Throws "no such WHAT: PATH" with the fix unless {@code path} exists on the local disk. */
  public static void requireExists(Path path, String what, String fix) {
    if (!Files.exists(path)) throw of("no such " + what + ":", path.toString(), fix);
  }

  /**
   * Runs a check of the user's settings or input written below the job layer (dataprep, model,
   * scaling), which says "bad argument" with an IllegalArgumentException naming the key or file:
   * here that argument came from the user, so it is a UserError with the same message. Only wrap
   * calls whose arguments all come from the user; elsewhere an IllegalArgumentException is a bug
   * (exit 1, with its trace).
   */
  public static <T> T fromIllegalArgument(Supplier<T> check) {
    try {
      return check.get();
    } catch (IllegalArgumentException e) {
      throw new UserError(e.getMessage(), e);
    }
  }

  /** {@link #fromIllegalArgument(Supplier)} for a check that returns nothing. */
  public static void fromIllegalArgument(Runnable check) {
    fromIllegalArgument(
        () -> {
          check.run();
          return null;
        });
  }
}

package org.lmforge.pipeline.job;

/**
 * A mistake the user can fix: a missing, unfinished or wrong-kind input, or a bad setting. The command line
 * prints {@code error: <message>} and exits 2, without a stack trace; the message says what is wrong, where
 * (file, record, key), and the fix. Anything else that escapes a job is a runtime failure (exit 1, cause chain).
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
}

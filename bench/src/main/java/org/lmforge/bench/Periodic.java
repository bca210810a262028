package org.lmforge.bench;

/**
 * The benchmarks' background meters (CPU time, executor memory): a sample taken at a fixed pace.
 */
public final class Periodic {
  private Periodic() {}

  /**
   * A started daemon thread that runs {@code sample} at once and then every {@code periodMillis}
   * until it is interrupted.
   */
  public static Thread start(long periodMillis, Runnable sample) {
    Thread t =
        new Thread(
            () -> {
              while (!Thread.currentThread().isInterrupted()) {
                sample.run();
                try {
                  Thread.sleep(periodMillis);
                } catch (InterruptedException e) {
                  return;
                }
              }
            });
    t.setDaemon(true);
    t.start();
    return t;
  }
}

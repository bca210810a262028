package org.lmforge.jobs;

import picocli.CommandLine.Mixin;

/** Options every Spark job takes: the settings options and the Spark master. */
public final class JobOptions extends ConfOptions {
  @Mixin MasterOption cluster = new MasterOption();

  /** The master to set: the option, else local[*] unless spark-submit already chose one. */
  public String master() {
    return cluster.master();
  }
}

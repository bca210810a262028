package org.lmforge.jobs;

/**
 * A command whose settings are one section of its conf/ file: the section its {@link Replaces}
 * options write into, and the one their --help names.
 */
interface SettingsCommand {
  /** {@code tokenize} for tokenize's settings, {@code fit} for fit-scaling's. */
  String section();
}

package org.lmforge.jobs;

import picocli.CommandLine.Option;

/**
 * {@code --overwrite} of the commands whose output is one directory they commit (clean, tokenize,
 * pretrain): one declaration, so each says the same in its help (tokenize said nothing). The
 * sweep's differs: it keeps finished runs unless told.
 */
final class OverwriteOption {
  @Option(names = "--overwrite", description = "Replace an existing output.")
  @Replaces("overwrite")
  boolean overwrite;
}

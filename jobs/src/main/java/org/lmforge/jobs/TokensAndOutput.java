package org.lmforge.jobs;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The token shards a training command reads and the directory it writes (pretrain, sweep), each
 * replacing the setting of the same name (a picocli mixin).
 */
final class TokensAndOutput {
  @Option(names = "--tokens", paramLabel = "DIR", description = "Token shards: a tokenize output.")
  @Replaces("tokens")
  String tokens;

  @Mixin OutputOption out = new OutputOption();
}

package org.lmforge.jobs;

import java.util.ArrayList;
import java.util.List;

/**
 * The {@code pipeline pretrain} command line of the tests' tiny runs: one layer of two heads,
 * {@code width} wide and {@code width} tokens of context, batch 4 over two replicas, no evaluation
 * during the run (the final one scores {@code evalTokens}).
 *
 * @param tokens the token shards (--tokens)
 * @param width the model width (dModel) and the context length
 * @param steps optimizer steps (maxSteps)
 * @param warmupSteps learning-rate warm-up steps
 * @param evalTokens validation tokens of the final evaluation
 * @param checkpointInterval steps between checkpoints
 * @param logInterval steps between metrics lines
 */
record TinyPretrainCommand(
    String tokens,
    int width,
    int steps,
    int warmupSteps,
    int evalTokens,
    int checkpointInterval,
    int logInterval) {

  /** {@code pretrain} with these settings on {@code master}, written to {@code output}. */
  String[] args(String master, String output, String... more) {
    List<String> settings =
        List.of(
            "pretrain.model.nLayer=1",
            "pretrain.model.nHead=2",
            "pretrain.model.dModel=" + width,
            "pretrain.model.contextLength=" + width,
            "pretrain.optim.batchSize=4",
            "pretrain.optim.maxSteps=" + steps,
            "pretrain.optim.warmupSteps=" + warmupSteps,
            "pretrain.replicas=2",
            "pretrain.evalInterval=0",
            "pretrain.evalTokens=" + evalTokens,
            "pretrain.checkpointInterval=" + checkpointInterval,
            "pretrain.logInterval=" + logInterval);
    List<String> a =
        new ArrayList<>(
            List.of("pretrain", "--tokens", tokens, "--master", master, "--output", output));
    for (String s : settings) {
      a.add("--conf");
      a.add(s);
    }
    a.addAll(List.of(more));
    return a.toArray(String[]::new);
  }
}

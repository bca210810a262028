package org.lmforge.pipeline.train;

import java.io.IOException;
import org.lmforge.model.checkpoint.Checkpoint;
import org.lmforge.model.train.TrainConfig;
import org.lmforge.model.train.Trainer;
import org.lmforge.pipeline.job.Progress;
import org.lmforge.pipeline.job.UserError;

/**
 * What the driver's trainer is built from, at the start of a run and again by each recovery of a
 * {@link DriverRun}: the run's configuration, the validation split it evaluates on, and the store
 * of its checkpoints ({@link PretrainRun#CHECKPOINT}).
 */
record DriverTrainer(
    TrainConfig tc, ShardWindowStream val, HadoopCheckpointStore store, Progress console) {

  /**
   * The driver's trainer, from the last checkpoint when asked and present, else fresh from the
   * seed.
   */
  Trainer restore(boolean fromCheckpoint) throws IOException {
    Trainer t = new Trainer(tc, null, val, store, PretrainRun.CHECKPOINT);
    if (fromCheckpoint && store.exists(PretrainRun.CHECKPOINT)) {
      Checkpoint ck;
      try {
        ck = Checkpoint.read(store, PretrainRun.CHECKPOINT);
      } catch (org.apache.hadoop.fs.ChecksumException e) {
        throw UserError.of(
            "the checkpoint " + store.describe(PretrainRun.CHECKPOINT) + " is damaged:",
            "its bytes do not match the checksum written with it (" + e.getMessage() + ")",
            "restore the file, or train the run again from step 0 with --overwrite");
      }
      // another architecture or seed than the checkpoint's: the settings changed between the runs
      UserError.fromIllegalArgument(() -> t.resumeFrom(ck, store.describe(PretrainRun.CHECKPOINT)));
      console.printf("restored %s: step %d", store.describe(PretrainRun.CHECKPOINT), t.step());
    } else if (fromCheckpoint) {
      console.printf(
          "no checkpoint at %s yet: starting from step 0", store.describe(PretrainRun.CHECKPOINT));
    }
    return t;
  }
}

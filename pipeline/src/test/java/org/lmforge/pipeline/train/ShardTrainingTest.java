package org.lmforge.pipeline.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.lmforge.model.checkpoint.Checkpoint;
import org.lmforge.model.gpt.GptConfig;
import org.lmforge.model.train.BatchSampler;
import org.lmforge.model.train.Optim;
import org.lmforge.model.train.TrainConfig;
import org.lmforge.model.train.Trainer;
import org.lmforge.pipeline.tokenize.TokenizeResult;

/** The trainer reads the tokenize job's shards and checkpoints through Hadoop's FileSystem. */
class ShardTrainingTest {
  @RegisterExtension
  static final SparkWithTokens DATA = new SparkWithTokens("shard-training-test", 120);

  @TempDir Path tmp;

  @Test
  void trainerReadsShardsAndResumesFromAHadoopCheckpoint() throws Exception {
    SparkSession spark = DATA.session();
    String tokens = DATA.tokens();
    TokenizeResult r = DATA.result();

    var conf = spark.sparkContext().hadoopConfiguration();
    ShardWindowStream train = ShardWindowStream.open(tokens, "train", conf);
    ShardWindowStream val = ShardWindowStream.open(tokens, "validation", conf);
    assertEquals(r.train().tokens(), train.size());
    assertEquals(r.validation().tokens(), val.size());
    assertEquals(
        (double) r.validation().utf8Bytes() / r.validation().tokens(), val.bytesPerToken(), 1e-12);
    assertEquals(r.vocabSize(), train.vocabSize());

    GptConfig model =
        new GptConfig(train.vocabSize(), 16, 1, 2, 16, 0.0, GptConfig.Positional.LEARNED, false);
    TrainConfig tc =
        new TrainConfig(
            model,
            new Optim(4, 1, 4, 3e-3, 3e-4, 1, 0.9, 0.99, 0.1, 1.0, 7, BatchSampler.Mode.RANDOM),
            new TrainConfig.Cadence(0, 256, 1000, 0));
    String ckptDir = tmp.resolve("ckpt").toUri().toString();
    HadoopCheckpointStore store = new HadoopCheckpointStore(ckptDir, conf);
    Trainer straight = new Trainer(tc, train, val, null, null);
    double[] expected = new double[4];
    for (int s = 0; s < 4; s++) {
      expected[s] = straight.trainStep()[0];
    }
    Trainer first = new Trainer(tc, train, val, store, "step.ckpt");
    first.trainStep();
    first.trainStep();
    first.saveCheckpoint();
    Trainer resumed = new Trainer(tc, train, val, store, "step.ckpt");
    resumed.resumeFrom(Checkpoint.read(store, "step.ckpt"), "step.ckpt");
    assertEquals(2, resumed.step());
    assertEquals(expected[2], resumed.trainStep()[0], 0.0);
    assertEquals(expected[3], resumed.trainStep()[0], 0.0);
    try (var files = Files.list(tmp.resolve("ckpt"))) {
      List<String> names =
          files.map(p -> p.getFileName().toString()).filter(n -> !n.endsWith(".crc")).toList();
      assertEquals(List.of("step.ckpt"), names, "only the renamed checkpoint, no temporary file");
    }
    assertTrue(resumed.evaluate().bitsPerByte() > 0);
  }
}

package org.lmforge.pipeline.generate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.lmforge.pipeline.LocalSpark;
import org.lmforge.pipeline.job.Progress;
import org.lmforge.pipeline.train.TinyRun;

/** {@code pipeline generate} on a tiny run trained on real Europarl shards ({@link TinyRun}). */
class GenerateJobTest {
  @RegisterExtension static final LocalSpark SPARK = new LocalSpark("generate-job-test");
  static TinyRun tiny;

  @BeforeAll
  static void train() throws IOException {
    tiny = TinyRun.get(SPARK.session());
  }

  static GenerateJob.Result generate(
      String prompt, double temperature, int topK, long seed, boolean cache) throws IOException {
    GenerateJob job =
        new GenerateJob(
            new GenerateConfig(tiny.run(), null, prompt, 30, temperature, topK, 0.95, seed, cache));
    job.check(SPARK.session().sparkContext().hadoopConfiguration());
    return job.run(null, Progress.quiet());
  }

  @Test
  void aSeedFixesTheTextAndAnotherSeedChangesIt() throws IOException {
    GenerateJob.Result a = generate("The Commission", 1.0, 0, 1, true);
    GenerateJob.Result b = generate("The Commission", 1.0, 0, 1, true);
    GenerateJob.Result c = generate("The Commission", 1.0, 0, 2, true);
    assertEquals(a.text(), b.text());
    assertArrayEquals(a.continuation(), b.continuation());
    assertNotEquals(a.text(), c.text());
    assertTrue(a.continuation().length > 0 && !a.text().isEmpty());
  }

  /**
   * Greedy and sampled (top-p 0.95, with and without top-k); 30 new tokens run past the context of
   * 16.
   */
  @ParameterizedTest
  @CsvSource({"0, 0, 1", "1.0, 0, 2", "0.8, 20, 3"})
  void theKvCacheChangesNoToken(double temperature, int topK, long seed) throws IOException {
    GenerateJob.Result on = generate("The Commission", temperature, topK, seed, true);
    GenerateJob.Result off = generate("The Commission", temperature, topK, seed, false);
    assertArrayEquals(off.continuation(), on.continuation());
    assertEquals(off.text(), on.text());
    assertTrue(on.promptTokens() + on.continuation().length > TinyRun.CONTEXT, "the window slid");
  }

  @Test
  void aPromptLongerThanTheContextIsCroppedOnBothPaths() throws IOException {
    String prompt = TinyRun.heldOutText().substring(0, 200);
    GenerateJob.Result on = generate(prompt, 1.0, 0, 4, true);
    GenerateJob.Result off = generate(prompt, 1.0, 0, 4, false);
    assertTrue(on.promptTokens() > TinyRun.CONTEXT);
    assertArrayEquals(off.continuation(), on.continuation());
  }
}

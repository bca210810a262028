package org.lmforge.pipeline.dedup;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lmforge.dataprep.dedup.DedupConfig;
import org.lmforge.pipeline.Sessions;

/**
 * Near-dedupe against true Jaccard on the anchor corpus (Europarl windows, 10% planted copies with 3% of the
 * words replaced): the bounds follow from the LSH S-curve (28x4 at J=0.7: P(candidate) = 0.9995) and exact
 * verification (false pairs only from 32-bit shingle-hash collisions, ~1e-5 per shingle).
 */
class DedupNearQualityTest {
  private static SparkSession spark;
  private static String[] words;

  @BeforeAll
  static void start() {
    spark = Sessions.localForTests("dedup-quality-test");
    words = DedupCorpus.words();
  }

  @Test
  void exactVerificationFindsPlantedPairsAndReportsOnlyTrueOnes() {
    DedupQuality.Figures f = DedupQuality.measure(spark, words, 4000, DedupConfig.defaults());
    System.out.println("near-dedupe, verify=exact, 4000 docs: " + f);
    assertTrue(f.plantedAtThreshold() > 250, f.toString());
    assertTrue(f.recall() >= 0.98, f.toString());
    assertTrue(f.precision() >= 0.98, f.toString());
  }

  @Test
  void signatureVerificationIsLooserAtTheThreshold() {
    DedupConfig d = DedupConfig.defaults();
    DedupQuality.Figures f = DedupQuality.measure(spark, words, 4000,
        d.withNear(d.numHashes(), d.bands(), d.rows(), "signature", d.threshold()));
    System.out.println("near-dedupe, verify=signature, 4000 docs: " + f);
    // 112 hashes estimate J with sd ~0.043, so pairs just above 0.7 are missed about a third of the time.
    assertTrue(f.recall() >= 0.6, f.toString());
    assertTrue(f.precision() >= 0.6, f.toString());
  }
}

package org.lmforge.pipeline.dedup;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lmforge.dataprep.dedup.DedupConfig;
import org.lmforge.pipeline.TestSessions;

/**
 * Near-dedupe against true Jaccard on the anchor corpus (Europarl windows, 10% planted copies with
 * 3% of the words replaced): the bounds follow from the LSH S-curve (28x4 at J=0.7: P(candidate) =
 * 0.9995) and exact verification (false pairs only from 32-bit shingle-hash collisions, ~1e-5 per
 * shingle).
 */
class DedupNearQualityTest {
  private static SparkSession spark;
  private static String[] words;

  @BeforeAll
  static void start() {
    spark = TestSessions.local("dedup-quality-test");
    words = DedupCorpus.words();
  }

  @Test
  void plantedPairsAreFoundAndReportedPairsAreTrue() {
    DedupConfig d = DedupConfig.defaults();
    DedupQuality.Corpus c = DedupQuality.Corpus.build(spark, words, 2000, 1234L, 4);
    DedupQuality.Figures exact = DedupQuality.measure(c, d);
    System.out.println("near-dedupe, verify=exact, 2000 docs: " + exact);
    assertTrue(exact.plantedAtThreshold() > 150, exact.toString());
    assertTrue(exact.recall() >= 0.98, exact.toString());
    assertTrue(exact.precision() >= 0.98, exact.toString());

    DedupQuality.Figures sig =
        DedupQuality.measure(
            c, d.withNear(d.numHashes(), d.bands(), d.rows(), "signature", d.threshold()));
    System.out.println("near-dedupe, verify=signature, 2000 docs: " + sig);
    // 112 hashes estimate J with sd ~0.043, so pairs just above 0.7 are missed often: looser, not
    // useless.
    assertTrue(sig.recall() >= 0.6 && sig.recall() < exact.recall() + 1e-9, sig.toString());
    assertTrue(sig.precision() >= 0.6, sig.toString());
  }
}

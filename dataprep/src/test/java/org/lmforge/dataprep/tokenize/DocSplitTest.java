package org.lmforge.dataprep.tokenize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.openhft.hashing.LongHashFunction;
import org.junit.jupiter.api.Test;

class DocSplitTest {

  /** Ids like the WARC record ids the pipeline uses. */
  static List<String> ids(int n) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < n; i++)
      out.add("<urn:uuid:" + new java.util.UUID(i * 0x9E3779B97F4A7C15L, i).toString() + ">");
    return out;
  }

  @Test
  void hashIsXxh3AsPublished() {
    // XXH3_64bits of the empty input, seed 0 (xxHash reference test vector): the split cannot drift
    // with a
    // library upgrade unnoticed.
    assertEquals(0x2D06800538D394C2L, LongHashFunction.xx3(0).hashBytes(new byte[0]));
  }

  @Test
  void stableAcrossInstancesAndFractionIsRespected() {
    DocSplit a = new DocSplit(0.1, 0);
    DocSplit b = new DocSplit(0.1, 0);
    int validation = 0;
    List<String> ids = ids(50_000);
    for (String id : ids) {
      assertEquals(a.assign(id), b.assign(id));
      if (a.isValidation(id)) validation++;
    }
    // 5000 expected; binomial sd ~ 67
    assertTrue(Math.abs(validation - 5000) < 400, "validation docs: " + validation);
    // A larger fraction only adds documents to validation (thresholds on one hash).
    DocSplit wider = new DocSplit(0.2, 0);
    for (String id : ids) if (a.isValidation(id)) assertTrue(wider.isValidation(id));
  }

  @Test
  void seedDrawsAnotherSplit() {
    List<String> ids = ids(2000);
    DocSplit s0 = new DocSplit(0.5, 0);
    DocSplit s1 = new DocSplit(0.5, 1);
    long same = ids.stream().filter(id -> s0.assign(id).equals(s1.assign(id))).count();
    assertNotEquals(ids.size(), same);
    assertTrue(Math.abs(same - 1000) < 150, "agreement " + same);
  }

  @Test
  void fractionOutsideZeroOneIsRejected() {
    assertThrows(IllegalArgumentException.class, () -> new DocSplit(1.5, 0));
  }

  @Test
  void manifestJsonRoundTrip() throws Exception {
    BpeTokenizer tok = TestTokenizers.small();
    ShardManifest m =
        ShardManifest.of(
            tok,
            Map.of(
                DocSplit.TRAIN,
                    ShardManifest.Split.of(
                        List.of(
                            new ShardManifest.Shard("train/shard-00000.bin", 1000, 4100, 10),
                            new ShardManifest.Shard("train/shard-00001.bin", 500, 2000, 4))),
                DocSplit.VALIDATION,
                    ShardManifest.Split.of(
                        List.of(
                            new ShardManifest.Shard("validation/shard-00000.bin", 20, 80, 1)))));
    assertEquals(1500, m.split(DocSplit.TRAIN).tokens());
    assertEquals(6100, m.split(DocSplit.TRAIN).utf8Bytes());
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    m.write(out);
    ShardManifest back =
        ShardManifest.read(new ByteArrayInputStream(out.toByteArray()), "manifest.json");
    assertEquals(m, back);
    back.checkTokenizer(tok);
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> back.checkTokenizer(TestTokenizers.gpt2()));
    assertTrue(
        e.getMessage().contains(tok.id()) && e.getMessage().contains("50257"), e.getMessage());
    assertThrows(
        java.io.IOException.class,
        () ->
            ShardManifest.read(
                new ByteArrayInputStream("{\"vocabSize\": \"x\"".getBytes()), "bad.json"));
  }
}

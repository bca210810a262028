package org.lmforge.dataprep.tokenize;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class BpeTrainerTest {

  /**
   * The Hugging Face course's toy corpus; the merges below were worked out by hand (see comments).
   */
  @Test
  void learnsHandCheckedMergesOnToyCorpus() {
    Map<String, Long> counts = new LinkedHashMap<>();
    counts.put("hug", 10L);
    counts.put("pug", 5L);
    counts.put("pun", 12L);
    counts.put("bun", 4L);
    counts.put("hugs", 5L);
    BpeTokenizer tok =
        BpeTrainer.train(
            counts, new BpeTrainerConfig("toy", 256 + 20 + 1, List.of("<|endoftext|>"), 2));
    // u g: 10+5+5=20 | u n: 12+4=16 | h ug: 10+5=15 | p un: 12 | tie at 5 between (p, ug) and (hug,
    // s): p=112
    // < hug=258, so p ug first | hug s: 5 | b un: 4 | then every pair is gone (all words are one
    // token).
    assertEquals(List.of("u g", "u n", "h ug", "p un", "p ug", "hug s", "b un"), spelled(tok));
    // Stopped early: 7 merges, so the special token follows them and the vocabulary shrinks to fit.
    assertEquals(256 + 7 + 1, tok.vocabSize());
    assertEquals(256 + 7, tok.endOfTextId());
    assertArrayEquals(new int[] {258, 'x'}, tok.encode("hugx"));
  }

  @Test
  void minPairCountStopsAtRarePairs() {
    Map<String, Long> counts = Map.of("hug", 10L, "pug", 5L, "pun", 12L, "bun", 4L, "hugs", 5L);
    BpeTokenizer tok = BpeTrainer.train(counts, new BpeTrainerConfig("toy", 1000, List.of(), 5));
    assertEquals(List.of("u g", "u n", "h ug", "p un", "p ug", "hug s"), spelled(tok));
  }

  @Test
  void overlappingRepeatsCountNonOverlappingPairs() {
    // "aaaa" x3: (a,a) -> aa, then (aa,aa) -> aaaa. "aaa" x1 leaves "aa a" after the first merge.
    Map<String, Long> counts = Map.of("aaaa", 3L, "aaa", 1L);
    BpeTokenizer tok = BpeTrainer.train(counts, new BpeTrainerConfig("toy", 256 + 3, List.of(), 1));
    assertEquals(List.of("a a", "aa aa", "aa a"), spelled(tok));
  }

  @Test
  void resultDoesNotDependOnInputOrderAndEncodesLikeTraining() {
    PreTokenCounter counter = new PreTokenCounter();
    List<String> english = TestCorpora.englishEuroparl();
    for (String t : english.subList(0, 300)) counter.add(t);
    Map<String, Long> sorted = new TreeMap<>(counter.counts());
    Map<String, Long> reversed = new TreeMap<>(java.util.Comparator.reverseOrder());
    reversed.putAll(counter.counts());
    BpeTrainerConfig cfg = BpeTrainerConfig.gpt2Style("euro", 1500);
    BpeTokenizer a = BpeTrainer.train(sorted, cfg);
    BpeTokenizer b = BpeTrainer.train(reversed, cfg);
    assertEquals(a.merges(), b.merges());
    assertEquals(a.sha256(), b.sha256());
    assertEquals(1500, a.vocabSize());
    // Common English words become single tokens, and the learned tokenizer compresses its own text.
    assertEquals(1, a.encode(" the").length);
    String text = english.get(0);
    int tokens = a.encode(text).length;
    assertTrue(tokens < text.length() / 2.5, tokens + " tokens for " + text.length() + " chars");
  }

  /**
   * The incremental trainer must learn exactly what the textbook algorithm learns (recount every
   * pair of every word before each merge, same tie rule), here on multilingual Europarl.
   */
  @Test
  void matchesFullRecountReferenceOnRealText() {
    PreTokenCounter counter = new PreTokenCounter();
    List<byte[]> lines = TestCorpora.europarlLines();
    for (int i = 0; i < lines.size(); i += 200) counter.add(lines.get(i));
    int merges = 200;
    BpeTokenizer tok =
        BpeTrainer.train(counter.counts(), new BpeTrainerConfig("ref", 256 + merges, List.of(), 2));
    assertEquals(referenceMerges(counter.counts(), merges, 2), tok.merges());
  }

  private static List<Merge> referenceMerges(Map<String, Long> counts, int merges, long minCount) {
    List<List<Integer>> words = new ArrayList<>();
    List<Long> wc = new ArrayList<>();
    counts.forEach(
        (w, c) -> {
          List<Integer> s = new ArrayList<>();
          for (byte b : w.getBytes(java.nio.charset.StandardCharsets.UTF_8)) s.add(b & 0xFF);
          words.add(s);
          wc.add(c);
        });
    List<Merge> out = new ArrayList<>();
    for (int m = 0; m < merges; m++) {
      Map<Long, Long> pairs = new java.util.HashMap<>();
      for (int w = 0; w < words.size(); w++) {
        List<Integer> s = words.get(w);
        for (int i = 0; i + 1 < s.size(); i++)
          pairs.merge(LongIntMap.pair(s.get(i), s.get(i + 1)), wc.get(w), Long::sum);
      }
      long bestKey = 0;
      long bestCount = 0;
      for (Map.Entry<Long, Long> e : pairs.entrySet()) {
        if (e.getValue() > bestCount || (e.getValue() == bestCount && e.getKey() < bestKey)) {
          bestKey = e.getKey();
          bestCount = e.getValue();
        }
      }
      if (bestCount < minCount) break;
      int a = (int) (bestKey >>> 32);
      int b = (int) bestKey;
      int id = 256 + m;
      out.add(new Merge(a, b, id));
      for (List<Integer> s : words) {
        for (int i = 0; i + 1 < s.size(); i++) {
          if (s.get(i) == a && s.get(i + 1) == b) {
            s.set(i, id);
            s.remove(i + 1);
          }
        }
      }
    }
    return out;
  }

  /** Merges as "left right" in readable text. */
  static List<String> spelled(BpeTokenizer tok) {
    List<String> out = new ArrayList<>();
    for (Merge m : tok.merges()) out.add(tok.tokenText(m.left()) + " " + tok.tokenText(m.right()));
    return out;
  }
}

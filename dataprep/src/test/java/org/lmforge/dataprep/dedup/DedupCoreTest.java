package org.lmforge.dataprep.dedup;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lmforge.dataprep.sample.EuroparlCorpus;

/** URL normalisation, text and line hashing, shingles and MinHash on normal and bad input. */
class DedupCoreTest {
  private final UrlNormalizer urls = new UrlNormalizer(DedupConfig.defaults().trackingParams());

  @Test
  void urlVariantsOfOnePageNormaliseAlike() {
    String canon = "https://example.com/a/b?id=7&lang=en";
    assertEquals(
        canon, urls.normalize("HTTPS://Example.COM:443/a/b?id=7&utm_source=x&lang=en#top"));
    assertEquals(canon, urls.normalize("https://example.com./a/b?fbclid=abc&id=7&lang=en"));
    assertEquals("http://example.com/", urls.normalize("http://EXAMPLE.com:80"));
    assertEquals("http://example.com:8080/", urls.normalize("http://example.com:8080/"));
    assertNotEquals(
        urls.normalize("https://example.com/a?id=7"), urls.normalize("https://example.com/a?id=8"));
    assertNotEquals(
        urls.normalize("https://example.com/A"),
        urls.normalize("https://example.com/a"),
        "paths are case-sensitive");
    assertEquals("not a url", urls.normalize(" not a url "));
    assertEquals(null, urls.normalize("  "));
  }

  @Test
  void exactHashIgnoresCaseAndWhitespaceOnly() {
    assertArrayEquals(TextHash.of("Hello   World\n"), TextHash.of("hello world"));
    assertArrayEquals(TextHash.of("ＡＢＣ"), TextHash.of("abc"), "NFKC folds full-width forms");
    assertNotEquals(TextHash.of("hello world")[0], TextHash.of("hello world!")[0]);
    assertEquals(2, TextHash.of(null).length);
  }

  @Test
  void lineHashesFollowCcnetNormalisation() {
    assertEquals(LineHashes.hash("Page 1 of 3", 0, 11), LineHashes.hash("page 2 of 9!", 0, 12));
    assertEquals(0L, LineHashes.hash("-----", 0, 5));
    String text = "Menu\nThe real content.\n\nMENU!\nMore content 12";
    long menu = LineHashes.hash("Menu", 0, 4);
    assertEquals(3, LineHashes.distinct(text).length, "menu counted once, blank line ignored");
    LineHashes.Removal r = LineHashes.remove(text, new long[] {menu});
    assertEquals("The real content.\n\nMore content 12", r.text());
    assertEquals(2, r.linesRemoved());
    assertEquals(text.length() - r.text().length(), r.charsRemoved());
    assertEquals(0, LineHashes.distinct("").length);
  }

  @Test
  void shinglesOfShortEmptyAndUnspacedText() {
    Shingler s = new Shingler(5);
    assertEquals(0, s.shingles("").length);
    assertEquals(0, s.shingles("... --- !!!").length);
    assertEquals(1, s.shingles("word").length, "a single word is one shingle");
    assertEquals(1, s.shingles("two words only").length);
    assertEquals(6, s.shingles("one two three four five six seven eight nine ten").length);
    assertArrayEquals(
        s.shingles("One, two; three four five."), s.shingles("one two three four five"));
    // Chinese has no spaces: characters are words, so a sentence gives many shingles, not one.
    assertEquals(9, s.shingles("我们今天讨论欧洲议会的报告").length);
    assertTrue(s.shingles("Η Επιτροπή υποβάλλει νέες προτάσεις για την ισότητα").length == 4);
    assertTrue(s.shingles("مرحبا بكم في البرلمان الأوروبي اليوم").length == 2);
  }

  /**
   * The exact-verification set: the shingles' high halves, sorted and each once, on a hand-made set
   * (negative halves first, repeats within a half) and on 2,000 Europarl debates against a plain
   * sort of every half.
   */
  @Test
  void compactSetIsTheSortedDistinctHighHalves() {
    long[] sorted = {-(5L << 32) | 7, -(5L << 32) | 9, 3L << 32, (3L << 32) | 1, 4L << 32};
    assertArrayEquals(new int[] {-5, 3, 4}, Shingler.compact(sorted));
    assertArrayEquals(new int[0], Shingler.compact(new long[0]));
    Shingler s = new Shingler(5);
    for (EuroparlCorpus.Debate d : EuroparlCorpus.read(2000)) {
      long[] sh = s.shingles(d.body());
      int[] reference =
          Arrays.stream(sh).mapToInt(h -> (int) (h >>> 32)).sorted().distinct().toArray();
      assertArrayEquals(reference, Shingler.compact(sh), d.title());
    }
  }

  @Test
  void minHashEstimatesJaccard() {
    Shingler s = new Shingler(3);
    StringBuilder a = new StringBuilder();
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < 400; i++) {
      a.append("w").append(i).append(' ');
      b.append(i % 5 == 0 ? "x" : "w").append(i).append(' ');
    }
    long[] sa = s.shingles(a.toString());
    long[] sb = s.shingles(b.toString());
    double exact = Jaccard.exact(Shingler.compact(sa), Shingler.compact(sb));
    MinHasher h = new MinHasher(512, 1);
    double est = Jaccard.estimate(h.signature(sa), h.signature(sb));
    // 512 hashes: standard deviation sqrt(J(1-J)/512) < 0.022; allow 4 sigma.
    assertEquals(exact, est, 0.09, "exact " + exact);
    assertEquals(1.0, Jaccard.estimate(h.signature(sa), h.signature(sa)));
    assertArrayEquals(
        MinHasher.bandKeys(h.signature(sa), 28, 4), MinHasher.bandKeys(h.signature(sa), 28, 4));
  }

  @Test
  void fiftyMegabyteDocumentIsShingledAndHashed() {
    StringBuilder sb = new StringBuilder(50 << 20);
    int i = 0;
    while (sb.length() < (50 << 20)) {
      sb.append("token").append(i++ % 1_000_003).append(i % 17 == 0 ? '\n' : ' ');
    }
    String big = sb.toString();
    long[] sh = new Shingler(5).shingles(big);
    assertTrue(sh.length > 1_000_000);
    assertEquals(112, new MinHasher(112, 3).signature(sh).length);
    assertEquals(2, TextHash.of(big).length);
    // Digits normalise to 0, so the ~3M lines collapse to the few patterns of digit counts.
    int lines = LineHashes.distinct(big).length;
    assertTrue(lines >= 1 && lines <= 100, "" + lines);
  }

  @Test
  void badConfigNamesTheKey() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> DedupConfig.defaults().withNear(100, 28, 4, "exact", 0.7));
    assertTrue(e.getMessage().contains("numHashes"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> DedupConfig.defaults().withKeep("oldest"));
    assertEquals(List.of("newest", "longest"), DedupConfig.KEEP_RULES);
  }
}

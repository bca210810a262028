package org.lmforge.dataprep.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcResponse;

/**
 * The embedded sample is a function of (pages, seed), byte for byte, and a WARC that jwarc reads
 * back.
 */
class SampleWarcWriterTest {
  private static final int PAGES = 300;

  @TempDir Path tmp;

  @Test
  void samePagesAndSeedGiveTheSameBytesAnotherSeedOtherBytes() throws Exception {
    Path a = tmp.resolve("a/europarl.warc.gz");
    Path b = tmp.resolve("b/europarl.warc.gz");
    Path c = tmp.resolve("c/europarl.warc.gz");
    int records = SampleWarcWriter.write(a, PAGES, 42);
    assertEquals(records, SampleWarcWriter.write(b, PAGES, 42));
    SampleWarcWriter.write(c, PAGES, 7);
    assertEquals(sha256(a), sha256(b), "two runs, same (pages, seed): identical files");
    assertNotEquals(sha256(a), sha256(c), "another seed: another file");
    try (var left = Files.list(a.getParent())) {
      assertEquals(List.of(a), left.toList(), "no temporary file left beside the output");
    }
  }

  @Test
  void recordIdsAreUniqueAndDerivedFromTheSeed() throws IOException {
    Path a = tmp.resolve("a.warc.gz");
    Path c = tmp.resolve("c.warc.gz");
    int records = SampleWarcWriter.write(a, PAGES, 42);
    SampleWarcWriter.write(c, PAGES, 7);
    List<Capture> read = read(a);
    assertEquals(records, read.size());
    Set<String> ids = new HashSet<>();
    for (Capture r : read) {
      assertTrue(r.id().matches("<urn:uuid:[0-9a-f-]{36}>"), r.id());
      assertTrue(ids.add(r.id()), "duplicate record id " + r.id());
    }
    Set<String> other = new HashSet<>();
    read(c).forEach(r -> other.add(r.id()));
    other.retainAll(ids);
    assertTrue(other.isEmpty(), "another seed shares no ids: " + other);
  }

  @Test
  void jwarcReadsItBackWithTheDebatesDatesAndStatuses() throws IOException {
    Path a = tmp.resolve("a.warc.gz");
    SampleWarcWriter.write(a, PAGES, 42);
    List<Capture> read = read(a);
    List<EuroparlCorpus.Debate> debates = EuroparlCorpus.read(PAGES);
    Capture first = read.get(0);
    assertEquals(200, first.status());
    assertTrue(first.url().startsWith("https://parliament-news.example/debates/0/"), first.url());
    assertTrue(
        first.date().startsWith(debates.get(0).date()),
        "WARC-Date from the debate: " + first.date());
    long pages =
        read.stream().filter(r -> r.status() == 200 && r.url().contains("/debates/")).count();
    assertEquals(
        PAGES + (PAGES + 42) / 50, pages, "one page per debate plus a re-capture every 50");
    assertEquals((PAGES + 36) / 40, read.stream().filter(r -> r.status() == 404).count());
  }

  @Test
  void everyGzipMemberHasNoTimestamp() throws IOException {
    Path a = tmp.resolve("a.warc.gz");
    SampleWarcWriter.write(a, 50, 42);
    List<Capture> read = read(a);
    try (RandomAccessFile f = new RandomAccessFile(a.toFile(), "r")) {
      for (Capture r : read) {
        byte[] h = new byte[10];
        f.seek(r.offset());
        f.readFully(h);
        assertEquals(0x1f, h[0] & 0xff, "gzip member at " + r.offset());
        assertEquals(0x8b, h[1] & 0xff);
        assertEquals(0, h[4] | h[5] | h[6] | h[7], "MTIME 0 at " + r.offset());
      }
    }
  }

  @Test
  void pagesAreANumberOrAll() {
    assertEquals(SampleWarcWriter.ALL, SampleWarcWriter.parsePages("all"));
    assertEquals(SampleWarcWriter.ALL, SampleWarcWriter.parsePages("0"));
    assertEquals(2000, SampleWarcWriter.parsePages(" 2000 "));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> SampleWarcWriter.parsePages("lots"));
    assertTrue(e.getMessage().contains("'all'"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> SampleWarcWriter.parsePages("-5"));
    assertEquals(17_597, SampleWarcWriter.parsePages("17597"));
    e = assertThrows(IllegalArgumentException.class, () -> SampleWarcWriter.parsePages("17598"));
    assertTrue(
        e.getMessage().contains("Europarl has 17597 debates; give at most 17597"), e.getMessage());
    assertEquals("europarl-2000.warc.gz", SampleWarcWriter.fileName(2000));
    assertEquals("europarl-all.warc.gz", SampleWarcWriter.fileName(SampleWarcWriter.ALL));
    assertEquals("europarl-all.warc.gz", SampleWarcWriter.fileName(EuroparlCorpus.SIZE));
  }

  @Test
  void theCorpusHasEveryDebate() {
    try (var all = EuroparlCorpus.stream()) {
      assertEquals(EuroparlCorpus.SIZE, all.count());
    }
    assertEquals(
        EuroparlCorpus.read(3),
        EuroparlCorpus.read(0).subList(0, 3),
        "read(0) is all, in file order");
  }

  private record Capture(long offset, String id, String url, String date, int status) {}

  private static List<Capture> read(Path file) throws IOException {
    List<Capture> out = new ArrayList<>();
    try (WarcReader r = new WarcReader(file)) {
      for (WarcRecord rec : r) {
        WarcResponse resp = (WarcResponse) rec;
        out.add(
            new Capture(
                r.position(),
                rec.headers().first("WARC-Record-ID").orElseThrow(),
                resp.target(),
                rec.headers().first("WARC-Date").orElseThrow(),
                resp.http().status()));
      }
    }
    return out;
  }

  private static String sha256(Path file) throws IOException, NoSuchAlgorithmException {
    return HexFormat.of()
        .formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
  }
}

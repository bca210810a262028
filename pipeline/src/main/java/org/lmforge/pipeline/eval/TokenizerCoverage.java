package org.lmforge.pipeline.eval;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.lmforge.dataprep.tokenize.BpeTokenizer;

/**
 * How well the run's tokenizer covers a text: the share of its UTF-8 bytes that BPE merges cover
 * (bytes inside multi-byte tokens), against the same share on the run's own validation split. A BPE
 * learnt on one script leaves text in a script it never saw as single-byte fallback tokens, whose
 * embeddings the model barely trained: a loss measured there says little about the run, so eval
 * refuses it unless told {@code --force}.
 *
 * <p><b>Rule:</b> the input's merged share must be at least {@link #MIN_RATIO} (half) of the
 * validation split's. It is a share of bytes, not bytes per token, so it works for tiny
 * vocabularies too: with 320 ids every text is near 1.5 bytes per token, but Chinese under a
 * Europarl BPE still has almost no merged bytes.
 *
 * @param bytes UTF-8 bytes the tokens stand for (special tokens count none, as in the shard
 *     manifest)
 * @param tokens tokens, document separators included (as the manifest counts them)
 * @param mergedBytes bytes inside tokens of two bytes or more
 */
public record TokenizerCoverage(long bytes, long tokens, long mergedBytes) {
  /** Refuse below this fraction of the validation split's merged share. */
  public static final double MIN_RATIO = 0.5;

  public static TokenizerCoverage of(int[] ids, int from, int to, BpeTokenizer tok) {
    int[] len = tokenLengths(tok);
    long bytes = 0, merged = 0;
    for (int i = from; i < to; i++) {
      int n = len[ids[i]];
      bytes += n;
      if (n > 1) merged += n;
    }
    return new TokenizerCoverage(bytes, to - from, merged);
  }

  /** UTF-8 bytes each id stands for; 0 for special tokens (document separators carry no text). */
  static int[] tokenLengths(BpeTokenizer tok) {
    Set<Integer> specials = new HashSet<>(tok.specialTokens().values());
    int[] len = new int[tok.vocabSize()];
    for (int id = 0; id < len.length; id++)
      len[id] = specials.contains(id) ? 0 : tok.tokenBytes(id).length;
    return len;
  }

  public double mergedShare() {
    return bytes == 0 ? 0 : (double) mergedBytes / bytes;
  }

  public double bytesPerToken() {
    return tokens == 0 ? 0 : (double) bytes / tokens;
  }

  /** True when this text's merged share is at least half of {@code reference}'s. */
  public boolean fits(TokenizerCoverage reference) {
    return mergedShare() >= MIN_RATIO * reference.mergedShare();
  }

  /**
   * "41% of the bytes in merged tokens (validation split: 93%), 1.21 bytes/token (validation:
   * 3.85)".
   */
  public String against(TokenizerCoverage reference) {
    return String.format(
        Locale.ROOT,
        "%.0f%% of the bytes in merged tokens (the run's validation split: %.0f%%), "
            + "%.2f bytes/token (validation: %.2f)",
        100 * mergedShare(),
        100 * reference.mergedShare(),
        bytesPerToken(),
        reference.bytesPerToken());
  }
}

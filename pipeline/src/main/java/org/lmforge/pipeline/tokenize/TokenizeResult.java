package org.lmforge.pipeline.tokenize;

import java.util.Locale;

/**
 * What the tokenize stage did (also written as {@code stats.json} beside the manifest).
 *
 * @param documentsIn documents read after the drop and language filters
 * @param emptySkipped of those, documents with null or blank text: skipped
 * @param missingIdSkipped documents with a null id: skipped (the split and the order need the id)
 * @param train the training split
 * @param validation the validation split
 * @param shards shard files written, both splits
 * @param tokenizerId name and hash prefix of the tokenizer
 * @param vocabSize its number of ids
 * @param bytesPerToken UTF-8 bytes per token over both splits, separators not counted: the
 *     compression
 * @param distinctPreTokens train mode: rows of the counted table the merges were learned from;
 *     load: 0
 * @param countMillis wall time of pre-token counting (read, split, reduceByKey, collect); 0 when
 *     loading
 * @param mergeMillis wall time of learning the merges on the driver (load: of loading the
 *     tokenizer)
 * @param encodeMillis wall time of encoding and writing the shards
 */
public record TokenizeResult(
    long documentsIn,
    long emptySkipped,
    long missingIdSkipped,
    SplitCounts train,
    SplitCounts validation,
    int shards,
    String tokenizerId,
    int vocabSize,
    double bytesPerToken,
    long distinctPreTokens,
    long countMillis,
    long mergeMillis,
    long encodeMillis) {

  /**
   * @param documents documents in the split
   * @param tokens tokens, one end-of-document separator per document included (what the model sees)
   * @param utf8Bytes UTF-8 bytes of the documents' text (for bits per byte)
   * @param shards shard files
   */
  public record SplitCounts(long documents, long tokens, long utf8Bytes, int shards) {
    String summary() {
      return String.format(
          Locale.ROOT, "%,d documents, %,d tokens in %d shards", documents, tokens, shards);
    }
  }

  /** Two lines for the person running the job; stats.json holds every field. */
  public String summary() {
    String skipped =
        emptySkipped + missingIdSkipped == 0
            ? ""
            : String.format(
                Locale.ROOT,
                " (%,d empty and %,d without an id skipped)",
                emptySkipped,
                missingIdSkipped);
    return String.format(
        Locale.ROOT,
        "tokenize: %,d documents%s: train %s; validation %s%n"
            + "tokenize: %s (%,d ids), %.2f bytes/token; counting %.1f s, merges %.1f s, encoding %.1f s",
        documentsIn,
        skipped,
        train.summary(),
        validation.summary(),
        tokenizerId,
        vocabSize,
        bytesPerToken,
        countMillis / 1e3,
        mergeMillis / 1e3,
        encodeMillis / 1e3);
  }
}

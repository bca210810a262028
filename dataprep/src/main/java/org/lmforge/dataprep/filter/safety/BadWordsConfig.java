package org.lmforge.dataprep.filter.safety;

import java.io.Serializable;
import java.util.List;
import org.lmforge.config.Defaults;

/**
 * The lexical safety signal: the share of a document's words that are on the LDNOOBW list of its
 * language (lists bundled in the jar for 28 languages, CC BY 4.0; see lists/ldnoobw/SOURCE.md). It
 * counts listed words, nothing more: it is not a toxicity model and says nothing about what a page
 * means.
 *
 * <p>C4 (Raffel et al. 2020, Sec. 2.2) dropped any page with a single listed word; Dodge et al.
 * 2021 showed that this removes medical, LGBTQ+ and dialect text disproportionately. We drop only
 * when listed words are frequent: at least {@code minHits} matches and a ratio of matches to words
 * above {@code maxRatio}. Both are measured, not published: the highest ratio among the 17,597
 * Europarl debates (clean parliamentary text, 21 languages; 14,332 in a language with a list) is
 * 0.026 (5 hits in 194 words, a debate on pornography legislation); 12 debates, on sexual violence,
 * trafficking and the like, have 2 or more hits and a ratio above 0.01 and would be dropped by
 * C4-like settings. 0.03 and 3 keep every one of them.
 *
 * @param bundled true: use the bundled LDNOOBW lists
 * @param directory "" or a folder of user lists named by language code (en, de, ...; one term per
 *     line): they extend the bundled lists, or replace them when {@code bundled} is false
 * @param maxRatio 0.03: matches / words above this drops (for ja/th/zh, matches / characters of
 *     those scripts)
 * @param minHits 3: fewer matches never drop
 * @param allowlist "lang:term" entries removed from the lists: C4's allowlist (tfds c4_utils {@code
 *     _BADWORDS_ALLOWLIST}), common sub-words in languages without spaces
 */
public record BadWordsConfig(
    boolean bundled, String directory, double maxRatio, int minHits, List<String> allowlist)
    implements Serializable {

  /** The shipped defaults: {@code filters.lexicalSafety} of conf/filters.conf. */
  public static BadWordsConfig defaults() {
    return Defaults.of("filters", "filters.lexicalSafety", BadWordsConfig.class);
  }
}

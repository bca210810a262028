package org.lmforge.dataprep.filter.safety;

import java.io.Serializable;
import java.util.List;

/**
 * Bad-words filter by document language, from a folder of LDNOOBW-format lists (one file per language
 * named by its code: {@code en}, {@code de}, {@code fr-CA-u-sd-caqc}; one term per line).
 *
 * <p>C4 (Raffel et al. 2020, Sec. 2.2) dropped any page with a single listed word; Dodge et al. 2021
 * ("Documenting Large Webtext Corpora") showed that this removes medical, LGBTQ+ and dialect text
 * disproportionately. We drop only when listed words are frequent: at least {@code minHits} matches and a
 * ratio of matches to words above {@code maxRatio}. These two thresholds are our choice, not published.
 *
 * @param directory  folder with the lists (required when the filter is enabled)
 * @param maxRatio   0.01: matches / words above this drops (for scripts without word spaces, matches /
 *                   characters of those scripts: each Han, kana or Thai character counts as a word)
 * @param minHits    2: fewer matches never drop
 * @param allowlist  "lang:term" entries removed from the lists: C4's allowlist (tfds c4_utils
 *                   {@code _BADWORDS_ALLOWLIST}), common sub-words in languages without spaces
 */
public record BadWordsConfig(String directory, double maxRatio, int minHits, List<String> allowlist)
    implements Serializable {

  public static BadWordsConfig defaults() {
    return new BadWordsConfig("", 0.01, 2, List.of("ja:sm", "ja:グロ", "ja:女の子", "zh:性"));
  }
}

package org.lmforge.dataprep.filter.safety;

import java.io.Serializable;
import java.util.List;
import org.lmforge.config.Defaults;

/**
 * URL / domain blocklists. The word lists datatrove's URL filter uses for FineWeb ({@code
 * banned_words}, {@code banned_subwords}, {@code soft_banned_words}, Apache-2.0) are bundled in the
 * jar and on by default; user files (plain text, ".gz" allowed, one entry per line, "#" or "!"
 * starts a comment) add to them, or replace them when {@code bundledWordLists} is false. No domain
 * list is bundled: the one FineWeb uses (UT1 "adult") and EasyList are CC BY-SA / GPL (share-alike
 * terms that would then bind the jar), and EasyList lists ad servers, not pages; configure {@code
 * domainFiles} to block domains.
 *
 * @param bundledWordLists true: the bundled datatrove word lists are used (with the word files
 *     below)
 * @param domainFiles a domain blocks itself and every subdomain ("example.com" blocks
 *     "www.example.com"), as UT1 "domains" lists mean it; Adblock "||example.com^" lines are read
 *     too (rules with "$" options, exceptions "@@" and element rules "##" are skipped: they do not
 *     block whole documents)
 * @param exactHostFiles a host blocks only itself
 * @param urlSubstringFiles an entry blocks every URL containing it (case-insensitive), e.g. UT1
 *     "urls"
 * @param bannedWordFiles datatrove URLFilter semantics (FineWeb): an entry equal to one of the
 *     URL's words ({@code [^a-zA-Z0-9]+} splits) blocks it
 * @param softBannedWordFiles ... {@code softWordThreshold} or more such entries among the URL's
 *     words block it
 * @param bannedSubwordFiles ... an entry (normalised to lower-case letters and digits) that is a
 *     substring of the normalised URL blocks it
 * @param softWordThreshold 2 (datatrove's default)
 */
public record UrlBlocklistConfig(
    boolean bundledWordLists,
    List<String> domainFiles,
    List<String> exactHostFiles,
    List<String> urlSubstringFiles,
    List<String> bannedWordFiles,
    List<String> softBannedWordFiles,
    List<String> bannedSubwordFiles,
    int softWordThreshold)
    implements Serializable {

  /** The shipped defaults: {@code filters.urlBlocklist} of conf/filters.conf. */
  public static UrlBlocklistConfig defaults() {
    return Defaults.of("filters", "filters.urlBlocklist", UrlBlocklistConfig.class);
  }

  boolean isEmpty() {
    return !bundledWordLists
        && domainFiles.isEmpty()
        && exactHostFiles.isEmpty()
        && urlSubstringFiles.isEmpty()
        && bannedWordFiles.isEmpty()
        && softBannedWordFiles.isEmpty()
        && bannedSubwordFiles.isEmpty();
  }
}

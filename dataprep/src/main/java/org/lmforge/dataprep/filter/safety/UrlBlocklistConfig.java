package org.lmforge.dataprep.filter.safety;

import java.io.Serializable;
import java.util.List;

/**
 * URL / domain blocklists, all plain text files (".gz" allowed), one entry per line; lines starting with
 * "#" or "!" are comments. At least one file must be configured when the filter is enabled.
 *
 * @param domainFiles          a domain blocks itself and every subdomain ("example.com" blocks
 *                             "www.example.com"), as UT1 "domains" lists mean it; Adblock "||example.com^"
 *                             lines are read too (rules with "$" options, exceptions "@@" and element rules
 *                             "##" are skipped: they do not block whole documents)
 * @param exactHostFiles       a host blocks only itself
 * @param urlSubstringFiles    an entry blocks every URL containing it (case-insensitive), e.g. UT1 "urls"
 * @param bannedWordFiles      datatrove URLFilter semantics (FineWeb): an entry equal to one of the URL's
 *                             words ({@code [^a-zA-Z0-9]+} splits) blocks it
 * @param softBannedWordFiles  ... {@code softWordThreshold} or more such entries among the URL's words block it
 * @param bannedSubwordFiles   ... an entry (normalised to lower-case letters and digits) that is a substring of
 *                             the normalised URL blocks it
 * @param softWordThreshold    2 (datatrove's default)
 */
public record UrlBlocklistConfig(List<String> domainFiles, List<String> exactHostFiles,
    List<String> urlSubstringFiles, List<String> bannedWordFiles, List<String> softBannedWordFiles,
    List<String> bannedSubwordFiles, int softWordThreshold) implements Serializable {

  public static UrlBlocklistConfig defaults() {
    return new UrlBlocklistConfig(List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), 2);
  }

  boolean isEmpty() {
    return domainFiles.isEmpty() && exactHostFiles.isEmpty() && urlSubstringFiles.isEmpty()
        && bannedWordFiles.isEmpty() && softBannedWordFiles.isEmpty() && bannedSubwordFiles.isEmpty();
  }
}

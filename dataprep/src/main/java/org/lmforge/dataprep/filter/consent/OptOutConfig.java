package org.lmforge.dataprep.filter.consent;

import java.io.Serializable;
import java.util.List;
import org.lmforge.config.Defaults;

/**
 * Data-consent opt-outs.
 *
 * @param domainFiles files of domains whose owners opted out (a domain covers its subdomains)
 * @param urlPrefixFiles files of URL prefixes ("https://example.com/blog/"); scheme and "www." are
 *     ignored
 * @param robotsTokens directives in the page's robots meta tags / X-Robots-Tag header that mean "no
 *     AI training": {@code noai} (introduced by DeviantArt in 2022, now common in robots meta tags
 *     and X-Robots-Tag), {@code tdm-reservation=1} (W3C TDM Reservation Protocol, TDMRep, meta
 *     {@code tdm-reservation} content 1, as the ingest stage passes it) and {@code train-ai=n}
 *     (IETF AI-preferences vocabulary draft). {@code noimageai} is not here on purpose: it reserves
 *     images only, not the page's text.
 */
public record OptOutConfig(
    List<String> domainFiles, List<String> urlPrefixFiles, List<String> robotsTokens)
    implements Serializable {

  /** The shipped defaults: {@code filters.optOut} of conf/filters.conf. */
  public static OptOutConfig defaults() {
    return Defaults.of("filters", "filters.optOut", OptOutConfig.class);
  }
}

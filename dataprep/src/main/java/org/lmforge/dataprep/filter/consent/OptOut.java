package org.lmforge.dataprep.filter.consent;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.lmforge.dataprep.filter.ListFiles;
import org.lmforge.dataprep.filter.safety.UrlBlocklist;

/**
 * Decides whether a page's owner opted out of AI training: by domain, by URL prefix, or by a
 * directive in the page's robots meta tags / X-Robots-Tag header. {@link #reason} says which,
 * {@link #isOptedOut} just whether.
 */
public final class OptOut implements Serializable {
  private static final long serialVersionUID = 1L;

  public static final String DOMAIN = "domain";
  public static final String URL_PREFIX = "url_prefix";
  public static final String ROBOTS = "robots_directive";

  private final Set<String> domains = new HashSet<>();
  private final List<String> prefixes = new ArrayList<>();
  private final Set<String> tokens = new HashSet<>();

  public OptOut(OptOutConfig cfg) {
    for (String f : cfg.domainFiles()) {
      String key = "clean.filters.optOut.domainFiles";
      for (String line : ListFiles.lines(key, ListFiles.require(key, f))) {
        if (line.charAt(0) == '#') continue;
        String d = line.toLowerCase(Locale.ROOT);
        if (d.startsWith("*.")) d = d.substring(2);
        domains.add(d.startsWith(".") ? d.substring(1) : d);
      }
    }
    for (String f : cfg.urlPrefixFiles()) {
      String key = "clean.filters.optOut.urlPrefixFiles";
      for (String line : ListFiles.lines(key, ListFiles.require(key, f))) {
        if (line.charAt(0) != '#') prefixes.add(stripScheme(line));
      }
    }
    for (String t : cfg.robotsTokens()) tokens.add(normalizeDirectives(t).strip());
  }

  public boolean isOptedOut(String url, String robotsDirectives) {
    return reason(url, robotsDirectives) != null;
  }

  /** {@link #DOMAIN}, {@link #URL_PREFIX}, {@link #ROBOTS}, or null when the page may be used. */
  public String reason(String url, String robotsDirectives) {
    if (robotsDirectives != null && !robotsDirectives.isBlank() && hasToken(robotsDirectives))
      return ROBOTS;
    if (url == null || url.isEmpty()) return null;
    if (!domains.isEmpty() && UrlBlocklist.inDomains(UrlBlocklist.host(url), domains))
      return DOMAIN;
    if (!prefixes.isEmpty()) {
      String u = stripScheme(url);
      for (String p : prefixes) {
        if (u.startsWith(p)) return URL_PREFIX;
      }
    }
    return null;
  }

  /**
   * Directives are separated by commas, semicolons or spaces; a user-agent prefix ("googlebot:
   * noai") and spaces around ":" / "=" are ignored, so "tdm-reservation: 1" reads as
   * "tdm-reservation=1".
   */
  private boolean hasToken(String directives) {
    for (String t : normalizeDirectives(directives).split("[,;\\s]+")) {
      if (t.isEmpty()) continue;
      if (tokens.contains(t)) return true;
      int eq = t.indexOf('=');
      if (eq > 0 && tokens.contains(t.substring(eq + 1))) return true; // "googlebot=noai"
    }
    return false;
  }

  private static String normalizeDirectives(String s) {
    return s.toLowerCase(Locale.ROOT).replaceAll("\\s*[:=]\\s*", "=");
  }

  /**
   * "https://www.Example.com/a" -> "example.com/a": prefixes match whatever the scheme and "www.".
   */
  static String stripScheme(String url) {
    String u = url.strip();
    int s = u.indexOf("://");
    if (s >= 0) u = u.substring(s + 3);
    if (u.regionMatches(true, 0, "www.", 0, 4)) u = u.substring(4);
    int slash = u.indexOf('/');
    String host = (slash < 0 ? u : u.substring(0, slash)).toLowerCase(Locale.ROOT);
    return slash < 0 ? host : host + u.substring(slash);
  }
}

package org.lmforge.dataprep.dedup;

import java.io.Serializable;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Canonical form of a URL for URL-level dedupe: lower-case scheme and host, no default port, no
 * fragment, no tracking parameters, "/" for an empty path, remaining query parameters in their
 * original order. Two captures of the same page under {@code
 * HTTP://Example.com:80/a?utm_source=x#top} and {@code http://example.com/a} get the same key. A
 * URL that does not parse is returned trimmed, unchanged, so it only matches itself.
 */
public final class UrlNormalizer implements Serializable {
  private final List<String> exact = new ArrayList<>();
  private final List<String> prefixes = new ArrayList<>();

  /**
   * @param trackingParams names to drop; an entry ending in "*" drops every name with that prefix
   */
  public UrlNormalizer(List<String> trackingParams) {
    for (String p : trackingParams) {
      String q = p.toLowerCase(Locale.ROOT);
      if (q.endsWith("*")) {
        prefixes.add(q.substring(0, q.length() - 1));
      } else {
        exact.add(q);
      }
    }
  }

  /**
   * The normalised URL, or null for a null or blank one (such documents take no part in URL
   * dedupe).
   */
  public String normalize(String url) {
    if (url == null || url.isBlank()) {
      return null;
    }
    String u = url.trim();
    URI uri;
    try {
      uri = new URI(u);
    } catch (URISyntaxException e) {
      return u;
    }
    if (uri.getScheme() == null || uri.getRawAuthority() == null) {
      return u;
    }
    String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
    String host = uri.getHost() == null ? uri.getRawAuthority() : uri.getHost();
    host = host.toLowerCase(Locale.ROOT);
    if (host.endsWith(".")) {
      host = host.substring(0, host.length() - 1);
    }
    int port = uri.getPort();
    boolean defaultPort =
        port == -1
            || (port == 80 && scheme.equals("http"))
            || (port == 443 && scheme.equals("https"));
    StringBuilder sb = new StringBuilder(u.length());
    sb.append(scheme).append("://");
    if (uri.getRawUserInfo() != null) {
      sb.append(uri.getRawUserInfo()).append('@');
    }
    sb.append(host);
    if (!defaultPort) {
      sb.append(':').append(port);
    }
    String path = uri.getRawPath();
    sb.append(path == null || path.isEmpty() ? "/" : path);
    String query = keptQuery(uri.getRawQuery());
    if (!query.isEmpty()) {
      sb.append('?').append(query);
    }
    return sb.toString();
  }

  private String keptQuery(String rawQuery) {
    if (rawQuery == null || rawQuery.isEmpty()) {
      return "";
    }
    StringBuilder kept = new StringBuilder(rawQuery.length());
    for (String param : rawQuery.split("&")) {
      if (param.isEmpty()) {
        continue;
      }
      int eq = param.indexOf('=');
      String name = (eq < 0 ? param : param.substring(0, eq)).toLowerCase(Locale.ROOT);
      if (isTracking(name)) {
        continue;
      }
      if (kept.length() > 0) {
        kept.append('&');
      }
      kept.append(param);
    }
    return kept.toString();
  }

  private boolean isTracking(String name) {
    if (exact.contains(name)) {
      return true;
    }
    for (String p : prefixes) {
      if (name.startsWith(p)) {
        return true;
      }
    }
    return false;
  }
}

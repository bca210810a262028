package org.lmforge.dataprep.filter.safety;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.lmforge.dataprep.filter.ListFiles;

/**
 * The loaded URL rules and the matcher: {@link #match} returns the rule that blocks a URL, or null.
 * Domain rules walk the host's parent domains (a.b.example.com, b.example.com, example.com), so no
 * public suffix list is needed.
 */
public final class UrlBlocklist implements Serializable {
  private static final long serialVersionUID = 1L;

  /** The kinds of rule; {@link #id} names one in a reason ({@code url_blocklist.exact_host}). */
  public enum Rule {
    DOMAIN,
    EXACT_HOST,
    URL_SUBSTRING,
    BANNED_WORD,
    SOFT_BANNED_WORDS,
    BANNED_SUBWORD;

    public String id() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  private final Set<String> domains = new HashSet<>();
  private final Set<String> exactHosts = new HashSet<>();
  private final List<String> urlSubstrings = new ArrayList<>();
  private final Set<String> bannedWords = new HashSet<>();
  private final Set<String> softWords = new HashSet<>();
  private final List<String> bannedSubwords = new ArrayList<>();
  private final int softWordThreshold;

  /** The rule that blocks the URL (null for none) and how many soft words it has. */
  public record Match(Rule rule, int softWordHits) {}

  public UrlBlocklist(UrlBlocklistConfig cfg) {
    if (cfg.isEmpty()) {
      throw new IllegalArgumentException(
          "clean.filters.urlBlocklist: no lists (bundledWordLists = false and no files "
              + "set): set bundledWordLists = true, or domainFiles, exactHostFiles, urlSubstringFiles or the word "
              + "files, or remove url_blocklist from clean.filters.enabled");
    }
    this.softWordThreshold = cfg.softWordThreshold();
    for (String f : cfg.domainFiles()) {
      for (String line : read("clean.filters.urlBlocklist.domainFiles", f)) {
        String d = domainRule(line);
        if (d != null) domains.add(d);
      }
    }
    for (String f : cfg.exactHostFiles()) {
      for (String line : read("clean.filters.urlBlocklist.exactHostFiles", f))
        exactHosts.add(normHost(line));
    }
    for (String f : cfg.urlSubstringFiles()) {
      for (String line : read("clean.filters.urlBlocklist.urlSubstringFiles", f)) {
        urlSubstrings.add(line.toLowerCase(Locale.ROOT));
      }
    }
    if (cfg.bundledWordLists()) {
      for (String line : bundled("banned_words.txt")) bannedWords.add(normalize(line));
      for (String line : bundled("soft_banned_words.txt")) softWords.add(normalize(line));
      for (String line : bundled("banned_subwords.txt")) {
        String s = normalize(line);
        if (!s.isEmpty()) bannedSubwords.add(s);
      }
    }
    for (String f : cfg.bannedWordFiles()) {
      for (String line : read("clean.filters.urlBlocklist.bannedWordFiles", f))
        bannedWords.add(normalize(line));
    }
    for (String f : cfg.softBannedWordFiles()) {
      for (String line : read("clean.filters.urlBlocklist.softBannedWordFiles", f))
        softWords.add(normalize(line));
    }
    for (String f : cfg.bannedSubwordFiles()) {
      for (String line : read("clean.filters.urlBlocklist.bannedSubwordFiles", f)) {
        String s = normalize(line);
        if (!s.isEmpty()) bannedSubwords.add(s);
      }
    }
    bannedWords.remove("");
    softWords.remove("");
  }

  private static List<String> read(String key, String file) {
    List<String> out = new ArrayList<>();
    for (String line : ListFiles.lines(key, ListFiles.require(key, file))) {
      if (line.charAt(0) != '#' && line.charAt(0) != '!' && line.charAt(0) != '[') out.add(line);
    }
    return out;
  }

  /** A bundled datatrove list; datatrove skips lines whose first character is "#". */
  private static List<String> bundled(String name) {
    List<String> out = new ArrayList<>();
    for (String line : ListFiles.bundledLines("datatrove-url/" + name)) {
      if (line.charAt(0) != '#') out.add(line);
    }
    return out;
  }

  /**
   * "example.com", "*.example.com", ".example.com" or Adblock "||example.com^"; null for other
   * rules.
   */
  static String domainRule(String line) {
    String s = line;
    if (s.startsWith("||")) {
      if (s.contains("$") || !s.endsWith("^")) return null; // typed (e.g. image-only) or path rules
      s = s.substring(2, s.length() - 1);
    } else if (s.startsWith("@@") || s.contains("##") || s.contains("#@#") || s.contains("/")) {
      return null;
    }
    if (s.startsWith("*.")) s = s.substring(2);
    if (s.startsWith(".")) s = s.substring(1);
    s = normHost(s);
    return s.isEmpty() || s.contains("*") ? null : s;
  }

  /** datatrove's normalize: keep only ASCII letters and digits, lower-cased. */
  static String normalize(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) b.append(c);
      else if (c >= 'A' && c <= 'Z') b.append((char) (c + 32));
    }
    return b.toString();
  }

  private static String normHost(String h) {
    String s = h.strip().toLowerCase(Locale.ROOT);
    while (s.endsWith(".")) s = s.substring(0, s.length() - 1);
    return s;
  }

  /** Host of an absolute URL, lower-case, without user info, port or trailing dot; "" if none. */
  public static String host(String url) {
    if (url == null) return "";
    int start = url.indexOf("://");
    start = start < 0 ? 0 : start + 3;
    int end = start;
    while (end < url.length() && "/?#".indexOf(url.charAt(end)) < 0) end++;
    String auth = url.substring(start, end);
    int at = auth.lastIndexOf('@');
    if (at >= 0) auth = auth.substring(at + 1);
    if (auth.startsWith("[")) { // IPv6 literal
      int close = auth.indexOf(']');
      return close > 0 ? auth.substring(0, close + 1).toLowerCase(Locale.ROOT) : auth;
    }
    int colon = auth.indexOf(':');
    if (colon >= 0) auth = auth.substring(0, colon);
    return normHost(auth);
  }

  /**
   * True when {@code host} or one of its parent domains (a.b.example.com, b.example.com,
   * example.com) is one of {@code domains}.
   */
  public static boolean inDomains(String host, Set<String> domains) {
    for (String h = host; !h.isEmpty(); ) {
      if (domains.contains(h)) return true;
      int dot = h.indexOf('.');
      h = dot < 0 ? "" : h.substring(dot + 1);
    }
    return false;
  }

  public Match match(String url) {
    if (url == null || url.isEmpty()) return null;
    String host = host(url);
    if (exactHosts.contains(host)) return new Match(Rule.EXACT_HOST, 0);
    if (!domains.isEmpty() && inDomains(host, domains)) return new Match(Rule.DOMAIN, 0);
    if (!urlSubstrings.isEmpty()) {
      String lower = url.toLowerCase(Locale.ROOT);
      for (String s : urlSubstrings) {
        if (lower.contains(s)) return new Match(Rule.URL_SUBSTRING, 0);
      }
    }
    int soft = 0;
    if (!bannedWords.isEmpty() || !softWords.isEmpty()) {
      // datatrove splits the raw URL and compares without lower-casing it; entries are lower-case.
      // Soft words
      // are counted once each, however often the URL repeats them (it tests list entries against a
      // set)
      Set<String> urlWords = new HashSet<>(List.of(url.split("[^a-zA-Z0-9]+")));
      for (String w : urlWords) {
        if (bannedWords.contains(w)) return new Match(Rule.BANNED_WORD, 0);
        if (softWords.contains(w)) soft++;
      }
      if (!softWords.isEmpty() && soft >= softWordThreshold)
        return new Match(Rule.SOFT_BANNED_WORDS, soft);
    }
    if (!bannedSubwords.isEmpty()) {
      String norm = normalize(url);
      for (String s : bannedSubwords) {
        if (norm.contains(s)) return new Match(Rule.BANNED_SUBWORD, soft);
      }
    }
    return soft > 0 ? new Match(null, soft) : null;
  }
}

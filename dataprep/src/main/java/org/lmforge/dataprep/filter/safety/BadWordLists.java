package org.lmforge.dataprep.filter.safety;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.lmforge.dataprep.filter.ListFiles;
import org.lmforge.dataprep.filter.Words;

/**
 * LDNOOBW word lists, one per language, and the matcher. Words are matched whole (like C4's {@code
 * (?:\W|^)term(?:\W|$)}), multi-word entries as whole phrases; for Japanese, Thai and Chinese, as
 * in C4, entries match as substrings since there are no word boundaries to look for.
 */
public final class BadWordLists implements Serializable {
  private static final long serialVersionUID = 1L;

  /** Languages matched by substring (C4: ja, th, zh). */
  static final Set<String> SUBSTRING_LANGUAGES = Set.of("ja", "th", "zh");

  /** Lingua / ISO 639-1 codes that LDNOOBW files name differently. */
  private static final Map<String, String> ALIASES = Map.of("tl", "fil", "nb", "no", "nn", "no");

  /**
   * Matches in one text and the number of words (or no-space-script characters) they are a share
   * of.
   */
  public record Count(int hits, int words) {
    public double ratio() {
      return words == 0 ? 0 : (double) hits / words;
    }
  }

  /** One language's entries. */
  static final class Lang implements Serializable {
    private static final long serialVersionUID = 1L;
    final Set<String> words = new HashSet<>();
    final Set<String> phrases = new HashSet<>();
    final Set<String> phraseStarts = new HashSet<>();
    final List<String> substrings = new ArrayList<>();
    final StringBuilder innerChars = new StringBuilder();
    int maxPhraseWords = 1;
    // built once, on first use after loading: String.split compiled this pattern for every token
    // holding one of the characters
    private transient Pattern innerRuns;

    Pattern innerRuns() {
      if (innerRuns == null)
        innerRuns = Pattern.compile("[" + Pattern.quote(innerChars.toString()) + "]+");
      return innerRuns;
    }
  }

  private final Map<String, Lang> byLanguage;

  private BadWordLists(Map<String, Lang> byLanguage) {
    this.byLanguage = byLanguage;
  }

  /** The LDNOOBW languages bundled in the jar (file names; "fr-CA-u-sd-caqc" joins "fr"). */
  public static final List<String> BUNDLED =
      List.of(
          "ar",
          "cs",
          "da",
          "de",
          "en",
          "eo",
          "es",
          "fa",
          "fi",
          "fil",
          "fr",
          "fr-CA-u-sd-caqc",
          "hi",
          "hu",
          "it",
          "ja",
          "kab",
          "ko",
          "nl",
          "no",
          "pl",
          "pt",
          "ru",
          "sv",
          "th",
          "tlh",
          "tr",
          "zh");

  /**
   * The bundled lists (when {@code bundled}) plus every list file of {@code directory} (when not
   * empty; file name = language, so a user file for "en" adds to the bundled "en").
   *
   * @param key config key of the directory, for messages
   */
  public static BadWordLists load(
      String key, boolean bundled, String directory, List<String> allowlist) {
    Set<String> allowed = new HashSet<>(allowlist);
    Map<String, Lang> langs = new HashMap<>();
    if (bundled) {
      for (String name : BUNDLED)
        addList(langs, name, ListFiles.bundledLines("ldnoobw/" + name), allowed);
    }
    if (directory != null && !directory.isBlank()) {
      Path dir =
          ListFiles.requireFolder(
              key,
              directory,
              "point it to a folder of word lists named by language code, e.g. en, de; one term per line");
      List<Path> files;
      try (Stream<Path> s = Files.list(dir)) {
        files = s.filter(Files::isRegularFile).sorted().toList();
      } catch (IOException e) {
        throw new UncheckedIOException(key + ": cannot list " + dir.toAbsolutePath(), e);
      }
      int before = langs.size();
      boolean any = false;
      for (Path f : files) {
        String name = f.getFileName().toString();
        if (name.contains(".") || name.equals("LICENSE")) continue; // SOURCE.md, LICENSE, README.md
        addList(langs, name, ListFiles.lines(key, f), allowed);
        any = true;
      }
      if (!any) {
        throw new IllegalArgumentException(
            key
                + ": no word lists in "
                + dir.toAbsolutePath()
                + " (expected files named by language code, e.g. en, one term per line; had "
                + before
                + " bundled)");
      }
    }
    if (langs.isEmpty()) {
      throw new IllegalArgumentException(
          key
              + ": no word lists: the bundled lists are off and no directory is set"
              + " (set filters.lexicalSafety.bundled = true or point the directory to your lists)");
    }
    return new BadWordLists(langs);
  }

  private static void addList(
      Map<String, Lang> langs, String name, List<String> entries, Set<String> allowed) {
    String lang = name.contains("-") ? name.substring(0, name.indexOf('-')) : name;
    Lang l = langs.computeIfAbsent(lang, k -> new Lang());
    for (String entry : entries) {
      String term = entry.toLowerCase(Locale.ROOT);
      if (allowed.contains(lang + ":" + term)) continue;
      add(l, term, SUBSTRING_LANGUAGES.contains(lang));
    }
  }

  private static void add(Lang l, String term, boolean substring) {
    if (substring) {
      l.substrings.add(term);
      return;
    }
    for (int i = 0; i < term.length(); i++) {
      char c = term.charAt(i);
      if (c != ' '
          && !Character.isLetterOrDigit(c)
          && !Character.isSurrogate(c)
          && l.innerChars.indexOf(String.valueOf(c)) < 0) {
        l.innerChars.append(c);
      }
    }
    String[] parts = term.split(" +");
    if (parts.length == 1) {
      l.words.add(term);
    } else {
      l.phrases.add(String.join(" ", parts));
      l.phraseStarts.add(parts[0]);
      l.maxPhraseWords = Math.max(l.maxPhraseWords, parts.length);
    }
  }

  public boolean hasLanguage(String language) {
    return byLanguage.containsKey(ALIASES.getOrDefault(language, language));
  }

  public Set<String> languages() {
    return byLanguage.keySet();
  }

  /**
   * Counts listed terms in {@code text} for {@code language}; null when there is no list for it.
   */
  public Count count(String text, String language) {
    Lang l = byLanguage.get(ALIASES.getOrDefault(language, language));
    if (l == null) return null;
    String lower = text.toLowerCase(Locale.ROOT);
    if (!l.substrings.isEmpty()) {
      int hits = 0;
      for (String term : l.substrings) {
        for (int i = lower.indexOf(term); i >= 0; i = lower.indexOf(term, i + term.length()))
          hits++;
      }
      int chars = 0;
      for (int i = 0; i < lower.length(); i++) {
        if (Words.isNoSpaceChar(lower.charAt(i))) chars++;
      }
      return new Count(hits, Math.max(chars, Words.words(lower).size()));
    }
    List<String> tokens = tokens(lower, l.innerChars.toString());
    int hits = 0;
    for (int i = 0; i < tokens.size(); i++) {
      String t = tokens.get(i);
      if (l.words.contains(t)) {
        hits++;
      } else if (hasAny(t, l.innerChars)) {
        for (String part : l.innerRuns().split(t)) {
          if (l.words.contains(part)) hits++;
        }
      }
      if (l.phraseStarts.contains(t)) {
        StringBuilder p = new StringBuilder(t);
        for (int k = 1; k < l.maxPhraseWords && i + k < tokens.size(); k++) {
          p.append(' ').append(tokens.get(i + k));
          if (l.phrases.contains(p.toString())) {
            hits++;
            break;
          }
        }
      }
    }
    return new Count(hits, tokens.size());
  }

  /**
   * Runs of letters, digits, symbols like emoji, and the characters that occur inside list entries.
   */
  private static List<String> tokens(String lower, String inner) {
    List<String> out = new ArrayList<>(lower.length() / 5 + 1);
    int start = -1;
    for (int i = 0; i <= lower.length(); i++) {
      boolean in = i < lower.length() && isTokenChar(lower.charAt(i), inner);
      if (in && start < 0) start = i;
      if (!in && start >= 0) {
        int end = i;
        while (end > start && inner.indexOf(lower.charAt(end - 1)) >= 0)
          end--; // "word-" at a line end
        if (end > start) out.add(lower.substring(start, end));
        start = -1;
      }
    }
    return out;
  }

  private static boolean isTokenChar(char c, String inner) {
    return Character.isLetterOrDigit(c)
        || Character.isSurrogate(c)
        || inner.indexOf(c) >= 0
        || Character.getType(c) == Character.OTHER_SYMBOL;
  }

  private static boolean hasAny(String t, CharSequence chars) {
    for (int i = 0; i < chars.length(); i++) {
      if (t.indexOf(chars.charAt(i)) >= 0) return true;
    }
    return false;
  }
}

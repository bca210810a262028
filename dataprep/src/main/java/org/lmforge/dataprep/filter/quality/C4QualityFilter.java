package org.lmforge.dataprep.filter.quality;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.lmforge.dataprep.doc.Doc;
import org.lmforge.dataprep.filter.DocFilter;
import org.lmforge.dataprep.filter.Verdict;
import org.lmforge.dataprep.filter.Words;

/**
 * C4 line and page rules (Raffel et al. 2020, Sec. 2.2), rule order as in c4_utils / datatrove: long word,
 * citations, terminal punctuation, words per line, lorem ipsum, javascript, curly bracket, policy; then the
 * sentence count of what is left. Removed lines are counted per rule in the verdict's edits
 * ({@code c4.line_javascript=2}). Sentences are counted as terminal marks followed by a space or the end
 * of the line (at least one per kept line), a cheap stand-in for NLTK's Punkt.
 */
public final class C4QualityFilter implements DocFilter {
  private static final long serialVersionUID = 1L;
  public static final String NAME = "c4";

  public static final String LOREM_IPSUM = NAME + ".lorem_ipsum";
  public static final String CURLY_BRACKET = NAME + ".curly_bracket";
  public static final String TOO_FEW_SENTENCES = NAME + ".too_few_sentences";

  public static final String LINE_LONG_WORD = NAME + ".line_long_word";
  public static final String LINE_NO_TERMINAL_PUNCT = NAME + ".line_no_terminal_punct";
  public static final String LINE_TOO_FEW_WORDS = NAME + ".line_too_few_words";
  public static final String LINE_JAVASCRIPT = NAME + ".line_javascript";
  public static final String LINE_POLICY = NAME + ".line_policy";
  public static final String CITATIONS = NAME + ".citations_removed";

  private static final Pattern CITATION = Pattern.compile("\\[\\d*]|\\[edit]|\\[citation needed]");

  private final C4Config cfg;

  public C4QualityFilter(C4Config cfg) {
    this.cfg = cfg;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Verdict apply(Doc d) {
    String text = d.text();
    boolean noSpace = Words.isNoSpaceScript(text, d.language());
    Map<String, Integer> edits = new LinkedHashMap<>();
    StringBuilder kept = new StringBuilder(text.length());
    int sentences = 0;
    for (String raw : Words.lines(text)) {
      String line = raw.strip();
      if (line.isEmpty()) continue;
      if (cfg.maxWordLength() >= 0 && hasLongWord(line, cfg.maxWordLength())) {
        edits.merge(LINE_LONG_WORD, 1, Integer::sum);
        continue;
      }
      if (cfg.removeCitations() && line.indexOf('[') >= 0) {
        String stripped = CITATION.matcher(line).replaceAll("");
        if (stripped.length() != line.length()) edits.merge(CITATIONS, 1, Integer::sum);
        line = stripped;
      }
      if (cfg.filterNoTerminalPunct()
          && (!Words.endsWithAny(line, cfg.terminalPunctuation()) || line.endsWith("..."))) {
        edits.merge(LINE_NO_TERMINAL_PUNCT, 1, Integer::sum);
        continue;
      }
      if (!noSpace && cfg.minWordsPerLine() >= 0 && spaceWords(line) < cfg.minWordsPerLine()) {
        edits.merge(LINE_TOO_FEW_WORDS, 1, Integer::sum);
        continue;
      }
      String lower = line.toLowerCase(Locale.ROOT);
      if (cfg.filterLoremIpsum() && lower.contains("lorem ipsum")) return Verdict.drop(d, LOREM_IPSUM);
      if (cfg.filterJavascript() && lower.contains("javascript")) {
        edits.merge(LINE_JAVASCRIPT, 1, Integer::sum);
        continue;
      }
      if (cfg.filterCurlyBracket() && line.indexOf('{') >= 0) return Verdict.drop(d, CURLY_BRACKET);
      if (cfg.filterPolicy() && containsAny(lower, cfg.policySubstrings())) {
        edits.merge(LINE_POLICY, 1, Integer::sum);
        continue;
      }
      sentences += sentences(line);
      if (kept.length() > 0) kept.append('\n');
      kept.append(line);
    }
    if (cfg.minSentences() >= 0 && sentences < cfg.minSentences()) return Verdict.drop(d, TOO_FEW_SENTENCES);
    String out = kept.toString();
    if (out.equals(text)) return Verdict.keep(d);
    return Verdict.modified(d.withText(out), Math.max(0, text.length() - out.length()), edits);
  }

  private int sentences(String line) {
    int count = 0;
    String marks = cfg.terminalPunctuation();
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if ((c == '.' || c == '!' || c == '?' || (c > 127 && marks.indexOf(c) >= 0))
          && (i + 1 == line.length() || Words.isSpace(line.charAt(i + 1)) || c > 127)) {
        count++;
      }
    }
    return Math.max(1, count);
  }

  private static int spaceWords(String line) {
    int words = 0;
    boolean in = false;
    for (int i = 0; i < line.length(); i++) {
      boolean space = Words.isSpace(line.charAt(i));
      if (!space && !in) words++;
      in = !space;
    }
    return words;
  }

  private static boolean hasLongWord(String line, int max) {
    if (line.length() <= max) return false;
    int run = 0;
    for (int i = 0; i < line.length(); i++) {
      run = Words.isSpace(line.charAt(i)) ? 0 : run + 1;
      if (run > max) return true;
    }
    return false;
  }

  private static boolean containsAny(String lower, List<String> needles) {
    for (String s : needles) {
      if (lower.contains(s)) return true;
    }
    return false;
  }
}

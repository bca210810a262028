package org.lmforge.dataprep.filter.quality;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.lmforge.dataprep.doc.Doc;
import org.lmforge.dataprep.filter.DocFilter;
import org.lmforge.dataprep.filter.Verdict;
import org.lmforge.dataprep.filter.text.PyText;
import org.lmforge.dataprep.filter.text.Scope;
import org.lmforge.dataprep.filter.text.WordTokenizer;

/**
 * C4 line and page rules (Raffel et al. 2020, Sec. 2.2), deciding as datatrove's {@code C4QualityFilter}.
 * Each line (Python {@code splitlines}), stripped, goes through the checks in this order, and the first that
 * applies decides: a word over {@code maxWordLength} removes it; citations are cut out; no terminal
 * punctuation (or an ellipsis) removes it (if enabled); fewer than {@code minWordsPerLine} words removes it;
 * "lorem ipsum" drops the page; "javascript" removes it; "{" drops the page; a policy phrase removes it.
 * The words of a line are counted before citations are cut. So a line removed by an earlier check
 * (an empty or two-word line holding "{") never drops the page. The sentences of the kept lines
 * ({@link WordTokenizer#sentenceCount}) are summed; fewer than {@code minSentences} drops the page;
 * otherwise the text becomes the kept lines joined by "\n". Removed lines are counted per rule in the
 * verdict's edits ({@code c4.line_javascript=2}).
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
    boolean noSpace = Scope.skipWordRules(cfg.skipWordRulesWithoutSpaces(), text, d.language());
    String terminal = cfg.terminalPunctuation()
        + (Scope.isUnknown(d.language()) || "en".equals(d.language()) ? "" : cfg.extraTerminalPunctuation());
    Map<String, Integer> edits = new LinkedHashMap<>();
    List<String> kept = new ArrayList<>();
    int sentences = 0;
    for (String raw : PyText.splitlines(text)) {
      String line = PyText.strip(raw);
      List<String> words = PyText.split(line);
      if (cfg.maxWordLength() >= 0 && hasLongWord(words, cfg.maxWordLength())) {
        edits.merge(LINE_LONG_WORD, 1, Integer::sum);
        continue;
      }
      if (cfg.removeCitations() && line.indexOf('[') >= 0) {
        String cut = CITATION.matcher(line).replaceAll("");
        if (cut.length() != line.length()) edits.merge(CITATIONS, 1, Integer::sum);
        line = cut;
      }
      if (cfg.filterNoTerminalPunct() && (!endsWithAny(line, terminal) || line.endsWith("..."))) {
        edits.merge(LINE_NO_TERMINAL_PUNCT, 1, Integer::sum);
        continue;
      }
      if (!noSpace && words.size() < cfg.minWordsPerLine()) {
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
      sentences += WordTokenizer.sentenceCount(line);
      kept.add(line);
    }
    if (sentences < cfg.minSentences()) return Verdict.drop(d, TOO_FEW_SENTENCES);
    String out = PyText.strip(String.join("\n", kept));
    if (out.equals(text)) return Verdict.keep(d);
    return Verdict.modified(d.withText(out), Math.max(0, text.length() - out.length()), edits);
  }

  private static boolean hasLongWord(List<String> words, int max) {
    for (String w : words) {
      if (w.length() > max && PyText.len(w) > max) return true;
    }
    return false;
  }

  /** {@code line.endswith(tuple(marks))}: the last character, trailing spaces included. */
  private static boolean endsWithAny(String line, String marks) {
    return !line.isEmpty() && marks.indexOf(line.charAt(line.length() - 1)) >= 0;
  }

  private static boolean containsAny(String lower, List<String> needles) {
    for (String s : needles) {
      if (lower.contains(s)) return true;
    }
    return false;
  }
}

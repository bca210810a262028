package org.lmforge.dataprep.filter.quality;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.lmforge.dataprep.doc.Doc;
import org.lmforge.dataprep.filter.ThresholdFilter;
import org.lmforge.dataprep.filter.text.PyText;
import org.lmforge.dataprep.filter.text.Scope;
import org.lmforge.dataprep.filter.text.WordTokenizer;

/**
 * C4 line and page rules (Raffel et al. 2020, Sec. 2.2), deciding as datatrove's {@code
 * C4QualityFilter}. Each line (Python {@code splitlines}), stripped, goes through the checks in
 * this order, and the first that applies decides: a word over {@code maxWordLength} removes it;
 * citations are cut out; no terminal punctuation (or an ellipsis) removes it (if enabled); fewer
 * than {@code minWordsPerLine} words removes it; "lorem ipsum" drops the page; "javascript" removes
 * it; "{" drops the page; a policy phrase removes it. The words of a line are counted before
 * citations are cut. So a line removed by an earlier check (an empty or two-word line holding "{")
 * never drops the page. The sentences of the kept lines ({@link WordTokenizer#sentenceCount}) are
 * summed; fewer than {@code minSentences} drops the page; otherwise the text becomes the kept lines
 * joined by "\n". Removed lines are counted per rule in the verdict's edits ({@code
 * c4.line_javascript=2}).
 */
public final class C4QualityFilter extends ThresholdFilter<C4QualityFilter.Lines, C4Config> {
  private static final long serialVersionUID = 1L;
  public static final String NAME = "c4";
  // the two rules that drop the whole page from within the line scan
  private static final String LOREM_IPSUM = NAME + ".lorem_ipsum";
  private static final String CURLY_BRACKET = NAME + ".curly_bracket";

  private static final Pattern CITATION = Pattern.compile("\\[\\d*]|\\[edit]|\\[citation needed]");

  /**
   * What the line rules left: a page rule that fired ({@link #LOREM_IPSUM}, {@link #CURLY_BRACKET};
   * the scan stops there), else the sentences of the kept lines (counted up to minSentences, all
   * the rule asks), their text and the removed lines by rule.
   */
  public record Lines(String pageRule, int sentences, String text, Map<String, Integer> edits)
      implements java.io.Serializable {}

  public C4QualityFilter(C4Config cfg) {
    super(NAME, cfg);
  }

  @Override
  public Lines measure(Doc d) {
    boolean noSpace = Scope.skipWordRules(cfg.skipWordRulesWithoutSpaces(), d);
    String terminal =
        Scope.endPunctuation(
            cfg.terminalPunctuation(), cfg.extraTerminalPunctuation(), d.language());
    Map<String, Integer> edits = new LinkedHashMap<>();
    List<String> kept = new ArrayList<>();
    int sentences = 0;
    for (String raw : PyText.splitlines(d.text())) {
      String line = PyText.strip(raw);
      List<String> words =
          PyText.split(line); // counted before citations are cut, as the reference does
      boolean longWord = cfg.maxWordLength() >= 0 && hasLongWord(words, cfg.maxWordLength());
      if (!longWord && cfg.removeCitations() && line.indexOf('[') >= 0) {
        String cut = CITATION.matcher(line).replaceAll("");
        if (cut.length() != line.length())
          edits.merge(NAME + ".citations_removed", 1, Integer::sum);
        line = cut;
      }
      String rule =
          longWord ? NAME + ".line_long_word" : rule(line, words.size(), terminal, noSpace);
      if (LOREM_IPSUM.equals(rule) || CURLY_BRACKET.equals(rule))
        return new Lines(rule, sentences, null, edits);
      if (rule != null) {
        edits.merge(rule, 1, Integer::sum);
        continue;
      }
      // only whether the page reaches minSentences matters: counting (a tokenization of the line)
      // stops there, so a long page tokenizes its first lines only
      if (sentences < cfg.minSentences()) sentences += WordTokenizer.sentenceCount(line);
      kept.add(line);
    }
    return new Lines(null, sentences, PyText.strip(String.join("\n", kept)), edits);
  }

  /**
   * The first of the later checks that removes the line or drops the page, in the reference's
   * order; null keeps it.
   */
  private String rule(String line, int words, String terminal, boolean noSpace) {
    if (cfg.filterNoTerminalPunct() && (!endsWithAny(line, terminal) || line.endsWith("..."))) {
      return NAME + ".line_no_terminal_punct";
    }
    if (!noSpace && words < cfg.minWordsPerLine()) return NAME + ".line_too_few_words";
    String lower = line.toLowerCase(Locale.ROOT);
    if (cfg.filterLoremIpsum() && lower.contains("lorem ipsum")) return LOREM_IPSUM;
    if (cfg.filterJavascript() && lower.contains("javascript")) return NAME + ".line_javascript";
    if (cfg.filterCurlyBracket() && line.indexOf('{') >= 0) return CURLY_BRACKET;
    if (cfg.filterPolicy() && containsAny(lower, cfg.policySubstrings()))
      return NAME + ".line_policy";
    return null;
  }

  @Override
  public String judge(Lines s) {
    if (s.pageRule() != null) return s.pageRule();
    return s.sentences() < cfg.minSentences() ? NAME + ".too_few_sentences" : null;
  }

  @Override
  protected TextEdit edit(Doc d, Lines s) {
    String text = d.text();
    if (s.text().equals(text)) return null;
    return new TextEdit(s.text(), Math.max(0, text.length() - s.text().length()), s.edits());
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

package org.lmforge.dataprep.filter.quality;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.lmforge.dataprep.doc.Doc;
import org.lmforge.dataprep.filter.ThresholdFilter;
import org.lmforge.dataprep.filter.text.PyText;
import org.lmforge.dataprep.filter.text.Scope;
import org.lmforge.dataprep.filter.text.WordTokenizer;

/**
 * FineWeb quality rules (Penedo et al. 2024, Sec. 3.6), deciding as datatrove's {@code
 * FineWebQualityFilter}, in its order. Lines are the text split at every "\n" (empty lines
 * included).
 *
 * <ul>
 *   <li>{@code line_punct_ratio}: share of lines whose last character (trailing spaces count) is
 *       one of {@code lineEndPunctuation}, at most {@code minLinePunctFrac} drops;
 *   <li>{@code short_line_ratio}: share of lines of at most {@code shortLineLength} characters, at
 *       least {@code maxShortLineFrac} drops;
 *   <li>{@code char_dup_ratio}: characters of repeated non-blank lines / characters other than
 *       "\n", at least {@code maxCharDupFrac} drops;
 *   <li>{@code list_ratio}: "\n" count / {@link WordTokenizer} tokens (punctuation included), above
 *       {@code maxNewlineWordRatio} drops.
 * </ul>
 */
public final class FineWebQualityFilter
    extends ThresholdFilter<FineWebQualityFilter.Stats, FineWebConfig> {
  private static final long serialVersionUID = 1L;
  public static final String NAME = "fineweb";

  /** Measurements: NaN where a rule is skipped for text without word spaces. */
  public record Stats(
      double linePunctFrac, double shortLineFrac, double charDupFrac, double newlineWordRatio)
      implements java.io.Serializable {}

  public FineWebQualityFilter(FineWebConfig cfg) {
    super(NAME, cfg);
  }

  @Override
  public Stats measure(Doc d) {
    String text = d.text();
    boolean noSpace = Scope.skipWordRules(cfg.skipWordRulesWithoutSpaces(), d);
    String marks =
        Scope.endPunctuation(cfg.lineEndPunctuation(), cfg.extraLineEndPunctuation(), d.language());
    List<String> lines = PyText.splitOnNewline(text);
    int punct = 0;
    int shortLines = 0;
    Set<String> seen = new HashSet<>(lines.size() * 2);
    long dupChars = 0;
    for (String line : lines) {
      if (!line.isEmpty() && marks.indexOf(line.charAt(line.length() - 1)) >= 0) punct++;
      if (PyText.len(line) <= cfg.shortLineLength()) shortLines++;
      if (!PyText.isBlank(line) && !seen.add(line)) dupChars += PyText.len(line);
    }
    double n = lines.size();
    int newlines = lines.size() - 1;
    // the reference divides by zero (and fails) on a text of newlines only; such a text is dropped
    // earlier
    double nonNewline = PyText.len(text) - newlines;
    double charDup = nonNewline == 0 ? 0 : dupChars / nonNewline;
    double listRatio = Double.NaN;
    if (!noSpace) {
      int tokens = WordTokenizer.words(text).size();
      listRatio =
          tokens == 0 ? (newlines == 0 ? 0 : Double.POSITIVE_INFINITY) : newlines / (double) tokens;
    }
    return new Stats(punct / n, noSpace ? Double.NaN : shortLines / n, charDup, listRatio);
  }

  @Override
  public String judge(Stats s) {
    if (atMost(s.linePunctFrac(), cfg.minLinePunctFrac())) return NAME + ".line_punct_ratio";
    if (atLeast(s.shortLineFrac(), cfg.maxShortLineFrac())) return NAME + ".short_line_ratio";
    if (atLeast(s.charDupFrac(), cfg.maxCharDupFrac())) return NAME + ".char_dup_ratio";
    if (above(s.newlineWordRatio(), cfg.maxNewlineWordRatio())) return NAME + ".list_ratio";
    return null;
  }
}

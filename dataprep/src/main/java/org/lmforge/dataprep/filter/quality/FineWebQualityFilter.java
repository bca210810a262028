package org.lmforge.dataprep.filter.quality;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.lmforge.dataprep.doc.Doc;
import org.lmforge.dataprep.filter.DocFilter;
import org.lmforge.dataprep.filter.Verdict;
import org.lmforge.dataprep.filter.Words;

/**
 * FineWeb quality rules (Penedo et al. 2024, Sec. 3.6): share of lines ending in punctuation, share of short
 * lines, characters in duplicated lines, newlines per word. Lines are the text split on "\n".
 */
public final class FineWebQualityFilter implements DocFilter {
  private static final long serialVersionUID = 1L;
  public static final String NAME = "fineweb";

  public static final String LINE_PUNCT = NAME + ".line_punct_ratio";
  public static final String SHORT_LINES = NAME + ".short_line_ratio";
  public static final String CHAR_DUP = NAME + ".char_dup_ratio";
  public static final String LIST_RATIO = NAME + ".list_ratio";

  /** Measurements: NaN where a rule is skipped for text without word spaces. */
  public record Stats(double linePunctFrac, double shortLineFrac, double charDupFrac, double newlineWordRatio)
      implements java.io.Serializable {}

  private final FineWebConfig cfg;

  public FineWebQualityFilter(FineWebConfig cfg) {
    this.cfg = cfg;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Verdict apply(Doc d) {
    String reason = judge(measure(d));
    return reason == null ? Verdict.keep(d) : Verdict.drop(d, reason);
  }

  public Stats measure(Doc d) {
    String text = d.text();
    boolean noSpace = Words.isNoSpaceScript(text, d.language());
    List<String> lines = Words.lines(text);
    int punct = 0;
    int shortLines = 0;
    int newlines = lines.size() - 1;
    Set<String> seen = new HashSet<>(lines.size() * 2);
    long dupChars = 0;
    for (String line : lines) {
      if (Words.endsWithAny(line, cfg.lineEndPunctuation())) punct++;
      if (line.length() <= cfg.shortLineLength()) shortLines++;
      if (!Words.isBlank(line) && !seen.add(line)) dupChars += line.length();
    }
    double n = lines.size();
    double charsNoNewline = Math.max(1, text.length() - newlines);
    double newlineWordRatio = noSpace ? Double.NaN : newlines / (double) Math.max(1, Words.words(text).size());
    return new Stats(punct / n, noSpace ? Double.NaN : shortLines / n, dupChars / charsNoNewline,
        newlineWordRatio);
  }

  public String judge(Stats s) {
    if (cfg.minLinePunctFrac() >= 0 && s.linePunctFrac() <= cfg.minLinePunctFrac()) return LINE_PUNCT;
    if (cfg.maxShortLineFrac() >= 0 && s.shortLineFrac() >= cfg.maxShortLineFrac()) return SHORT_LINES;
    if (cfg.maxCharDupFrac() >= 0 && s.charDupFrac() >= cfg.maxCharDupFrac()) return CHAR_DUP;
    if (cfg.maxNewlineWordRatio() >= 0 && s.newlineWordRatio() > cfg.maxNewlineWordRatio()) return LIST_RATIO;
    return null;
  }
}

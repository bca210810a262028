package org.lmforge.dataprep.filter;

import java.util.Map;
import org.lmforge.dataprep.doc.Doc;

/**
 * The base of every rule family, as datatrove's {@code BaseFilter} ({@code
 * pipeline/filters/base_filter.py}): a family only measures a document ({@link #measure}) and
 * compares the measurements with its thresholds ({@link #judge}); this class turns that into the
 * {@link Verdict} (kept, dropped with the reason, or edited, each with the scores the job keeps as
 * columns). Counting kept, dropped and each reason is {@link FilterChain}'s and the Spark job's,
 * once for all families.
 *
 * @param <S> what the family measures on one document (e.g. {@code GopherStats})
 */
public abstract class BaseFilter<S> implements DocFilter {
  private static final long serialVersionUID = 1L;

  /**
   * A family's edit of a kept document: the new text, characters removed and items edited by kind.
   */
  public record TextEdit(String text, long charsRemoved, Map<String, Integer> items) {}

  private final String name;

  protected BaseFilter(String name) {
    this.name = name;
  }

  @Override
  public final String name() {
    return name;
  }

  /**
   * The measurements; null when there is nothing to judge (the document is kept, with no scores).
   */
  public abstract S measure(Doc d);

  /**
   * Same as {@link #measure(Doc)} for a family that reads the page's robots directives too
   * (opt-out).
   */
  protected S measure(Doc d, String robotsDirectives) {
    return measure(d);
  }

  /** The first rule {@code s} breaks ({@code family.rule}), or null to keep. */
  public abstract String judge(S s);

  /** Measurements the job keeps as columns, whether kept or dropped; none by default. */
  protected Map<String, Double> scores(S s) {
    return Map.of();
  }

  /**
   * How a kept document changes (C4's removed lines, PII's redactions), or null to leave it as it
   * is.
   */
  protected TextEdit edit(Doc d, S s) {
    return null;
  }

  @Override
  public final Verdict apply(Doc d) {
    return apply(d, null);
  }

  @Override
  public final Verdict apply(Doc d, String robotsDirectives) {
    S s = measure(d, robotsDirectives);
    if (s == null) return Verdict.keep(d);
    Map<String, Double> scores = scores(s);
    String reason = judge(s);
    if (reason != null) return Verdict.drop(d, reason, scores);
    TextEdit e = edit(d, s);
    if (e == null) return Verdict.keep(d, scores);
    return new Verdict(d.withText(e.text()), null, e.charsRemoved(), e.items(), scores);
  }
}

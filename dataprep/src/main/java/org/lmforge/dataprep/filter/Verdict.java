package org.lmforge.dataprep.filter;

import java.io.Serializable;
import java.util.Map;
import org.lmforge.dataprep.doc.Doc;

/**
 * What one filter decided about one document.
 *
 * @param doc the document after this filter (the input when kept or dropped, a new Doc when edited)
 * @param reason {@code family.rule} when dropped, null when kept
 * @param charsRemoved characters removed or replaced by an edit (0 when not edited)
 * @param edits items edited by kind, e.g. {@code pii.email=3} or {@code c4.line_javascript=2};
 *     empty if none
 * @param scores measurements the job keeps as columns, e.g. {@code badwords.ratio}; empty if none
 */
public record Verdict(
    Doc doc,
    String reason,
    long charsRemoved,
    Map<String, Integer> edits,
    Map<String, Double> scores)
    implements Serializable {

  public static Verdict keep(Doc d) {
    return new Verdict(d, null, 0, Map.of(), Map.of());
  }

  public static Verdict keep(Doc d, Map<String, Double> scores) {
    return new Verdict(d, null, 0, Map.of(), scores);
  }

  public static Verdict drop(Doc d, String reason) {
    return new Verdict(d, reason, 0, Map.of(), Map.of());
  }

  public static Verdict drop(Doc d, String reason, Map<String, Double> scores) {
    return new Verdict(d, reason, 0, Map.of(), scores);
  }

  /** Kept, but edited: {@code edited} replaces the input downstream. */
  public static Verdict modified(Doc edited, long charsRemoved, Map<String, Integer> edits) {
    return new Verdict(edited, null, charsRemoved, edits, Map.of());
  }

  public boolean kept() {
    return reason == null;
  }

  public boolean isModified() {
    return charsRemoved > 0 || !edits.isEmpty();
  }
}

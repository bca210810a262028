package org.lmforge.dataprep.filter;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lmforge.dataprep.doc.Doc;

/**
 * Runs the configured filters in order on one document and returns one {@link Result}: the final
 * doc, who dropped it and why, every edit and every score. Build it once per Spark task with {@link
 * Filters#chain}; word lists, blocklists and classifier weights are loaded when it is built (and
 * cached per JVM).
 */
public final class FilterChain implements Serializable {
  private static final long serialVersionUID = 1L;

  /**
   * One filter's edit of a document: characters removed and items edited by kind (e.g.
   * pii.email=3).
   */
  public record Edit(String filter, long charsRemoved, Map<String, Integer> items)
      implements Serializable {}

  /**
   * The outcome for one document.
   *
   * @param doc the final doc (edited by every filter that ran); on a drop, the doc as the dropping
   *     filter saw it
   * @param droppedBy name of the filter that dropped it, null if kept
   * @param reason {@code family.rule}, null if kept
   * @param edits one entry per filter that edited the doc, in chain order
   * @param scores every score any filter that ran reported (later filters do not run after a drop)
   */
  public record Result(
      Doc doc, String droppedBy, String reason, List<Edit> edits, Map<String, Double> scores)
      implements Serializable {
    public boolean kept() {
      return reason == null;
    }
  }

  private final List<DocFilter> filters;

  public FilterChain(List<DocFilter> filters) {
    this.filters = List.copyOf(filters);
  }

  public List<DocFilter> filters() {
    return filters;
  }

  public Result apply(Doc doc) {
    return apply(doc, null);
  }

  /**
   * @param robotsDirectives robots meta / X-Robots-Tag content of the page, or null when unknown
   */
  public Result apply(Doc doc, String robotsDirectives) {
    List<Edit> edits = new ArrayList<>(2);
    Map<String, Double> scores = new LinkedHashMap<>();
    Doc current = doc;
    for (DocFilter f : filters) {
      Verdict v = f.apply(current, robotsDirectives);
      scores.putAll(v.scores());
      if (!v.kept()) {
        return new Result(current, f.name(), v.reason(), edits, scores);
      }
      if (v.isModified()) {
        edits.add(new Edit(f.name(), v.charsRemoved(), v.edits()));
      }
      current = v.doc();
    }
    return new Result(current, null, null, edits, scores);
  }
}

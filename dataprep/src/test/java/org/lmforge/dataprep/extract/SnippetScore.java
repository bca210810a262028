package org.lmforge.dataprep.extract;

import org.lmforge.dataprep.filter.text.PyText;

/**
 * trafilatura's scoring ({@code tests/eval_common.py}: {@code norm}, {@code count_item}, {@code
 * ConfusionMatrix}): both output and snippet are whitespace-normalised ({@code re.sub(r"\s+", " ",
 * t).strip()}, Python's Unicode {@code \s}), then a {@code with} snippet found as a substring is a
 * true positive (else a false negative) and a {@code without} snippet found is a false positive
 * (else a true negative).
 */
public final class SnippetScore {
  int tp, fp, fn, tn;

  public void add(DevSet.Page page, String output) {
    String out = norm(output == null ? "" : output);
    for (String w : page.with()) {
      if (out.contains(norm(w))) tp++;
      else fn++;
    }
    for (String w : page.without()) {
      if (out.contains(norm(w))) fp++;
      else tn++;
    }
  }

  public void add(SnippetScore o) {
    tp += o.tp;
    fp += o.fp;
    fn += o.fn;
    tn += o.tn;
  }

  public double precision() {
    return tp + fp == 0 ? 0 : (double) tp / (tp + fp);
  }

  public double recall() {
    return tp + fn == 0 ? 0 : (double) tp / (tp + fn);
  }

  public double f1() {
    int d = 2 * tp + fp + fn;
    return d == 0 ? 0 : 2.0 * tp / d;
  }

  /**
   * Python's {@code re.sub(r"\s+", " ", text).strip()}: whitespace as {@code str.isspace()} defines
   * it.
   */
  public static String norm(String text) {
    return PyText.normalizeSpace(text);
  }

  @Override
  public String toString() {
    return String.format(
        "P %.3f R %.3f F1 %.3f (tp %d fp %d fn %d tn %d)",
        precision(), recall(), f1(), tp, fp, fn, tn);
  }
}

package org.lmforge.dataprep.extract;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.lmforge.dataprep.filter.text.PyText;

/**
 * Page title: the Open Graph title (set by the publisher for this article), else {@code <title>},
 * else the first h1.
 */
final class TitleExtractor {
  private TitleExtractor() {}

  private static final int MAX_TITLE = 500;

  static String title(Document doc) {
    Element head = doc.head();
    Element og =
        head == null ? null : head.selectFirst("meta[property=og:title], meta[name=og:title]");
    String t = og == null ? "" : PyText.normalizeSpace(og.attr("content"));
    if (t.isEmpty() && head != null) {
      Element title = head.selectFirst("title");
      if (title == null) title = doc.selectFirst("title");
      if (title != null) t = PyText.normalizeSpace(title.text());
    }
    if (t.isEmpty()) {
      Element h1 = doc.body() == null ? null : doc.body().selectFirst("h1");
      if (h1 != null) t = PyText.normalizeSpace(h1.text());
    }
    return t.length() > MAX_TITLE ? t.substring(0, MAX_TITLE) : t;
  }
}

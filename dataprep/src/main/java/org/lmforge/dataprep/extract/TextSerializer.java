package org.lmforge.dataprep.extract;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;
import org.lmforge.dataprep.filter.text.PyText;

/**
 * Turns a content subtree into text blocks: one block per paragraph, heading, list item, quote,
 * code block or table row, whitespace collapsed. Walks iteratively (no recursion on deep pages).
 *
 * <p>With {@code looseText == false} only text inside paragraph-like elements is kept, as
 * trafilatura does when a container has enough {@code <p>} text: dates, bylines and labels sitting
 * loose in divs are then mostly boilerplate. Pages built from bare divs need {@code looseText ==
 * true}.
 */
final class TextSerializer {
  private TextSerializer() {}

  /**
   * A line of output; headings are remembered so that trailing ones ("Related articles") can be
   * cut.
   */
  record Block(String text, boolean heading) {}

  /** Blocks plus the structure counts the fallback decision looks at. */
  record Serialized(List<Block> blocks, int paragraphs, int tables) {
    int length() {
      int n = 0;
      for (Block b : blocks) n += b.text.length() + 1;
      return Math.max(0, n - 1);
    }

    String text() {
      StringBuilder sb = new StringBuilder();
      for (Block b : blocks) {
        if (sb.length() > 0) sb.append('\n');
        sb.append(b.text);
      }
      return sb.toString();
    }

    Serialized plus(Serialized other) {
      List<Block> all = new ArrayList<>(blocks);
      all.addAll(other.blocks);
      return new Serialized(all, paragraphs + other.paragraphs, tables + other.tables);
    }
  }

  static final Serialized EMPTY = new Serialized(List.of(), 0, 0);

  private static final Set<String> HEADINGS = Set.of("h1", "h2", "h3", "h4", "h5", "h6");

  /** Elements that end the current line. */
  static final Set<String> BLOCK_TAGS =
      headingsAnd(
          "address",
          "article",
          "aside",
          "blockquote",
          "body",
          "center",
          "dd",
          "details",
          "dialog",
          "dir",
          "div",
          "dl",
          "dt",
          "fieldset",
          "figcaption",
          "figure",
          "footer",
          "form",
          "header",
          "hgroup",
          "hr",
          "li",
          "main",
          "menu",
          "nav",
          "ol",
          "p",
          "pre",
          "section",
          "summary",
          "table",
          "tr",
          "ul",
          "caption",
          "tbody",
          "thead",
          "tfoot",
          "br",
          "legend",
          "option");

  /** Elements whose text is paragraph text. */
  static final Set<String> TEXT_CONTAINERS =
      headingsAnd(
          "p",
          "li",
          "dd",
          "dt",
          "blockquote",
          "pre",
          "code",
          "td",
          "th",
          "caption",
          "summary",
          "q",
          "address");

  /** The headings and {@code tags}. */
  private static Set<String> headingsAnd(String... tags) {
    Set<String> all = new HashSet<>(HEADINGS);
    Collections.addAll(all, tags);
    return Set.copyOf(all);
  }

  static Serialized serialize(Element root, Set<Element> dropped, boolean looseText) {
    Builder b = new Builder(looseText, dropped);
    NodeTraversor.filter(b, root);
    b.flush();
    return b.result();
  }

  /** Serializes each element separately (e.g. the wild paragraphs of a page) and concatenates. */
  static Serialized serializeAll(List<Element> roots, Set<Element> dropped) {
    Serialized all = EMPTY;
    for (Element r : roots) all = all.plus(serialize(r, dropped, true));
    return all;
  }

  private static final class Builder implements NodeFilter {
    private final boolean looseText;
    private final List<Block> blocks = new ArrayList<>();
    private final StringBuilder line = new StringBuilder();
    private int containerDepth;
    private boolean heading;
    private boolean cellOpen;
    private int paragraphs, tables;
    private final Set<Element> dropped;

    Builder(boolean looseText, Set<Element> dropped) {
      this.looseText = looseText;
      this.dropped = dropped;
    }

    @Override
    public FilterResult head(Node node, int depth) {
      if (node instanceof TextNode t) {
        if (containerDepth > 0 || looseText) line.append(t.getWholeText());
        return FilterResult.CONTINUE;
      }
      if (!(node instanceof Element e)) return FilterResult.SKIP_ENTIRELY;
      if (dropped.contains(e)) return FilterResult.SKIP_ENTIRELY;
      String name = e.normalName();
      if (BLOCK_TAGS.contains(name)) flush();
      if (name.equals("td") || name.equals("th")) {
        if (cellOpen) line.append(" | ");
        cellOpen = true;
      }
      if (HEADINGS.contains(name)) heading = true;
      if (name.equals("p")) paragraphs++;
      if (name.equals("table")) tables++;
      if (TEXT_CONTAINERS.contains(name)) containerDepth++;
      return FilterResult.CONTINUE;
    }

    @Override
    public FilterResult tail(Node node, int depth) {
      if (!(node instanceof Element e)) return FilterResult.CONTINUE;
      String name = e.normalName();
      if (TEXT_CONTAINERS.contains(name)) containerDepth--;
      if (BLOCK_TAGS.contains(name)) flush();
      return FilterResult.CONTINUE;
    }

    void flush() {
      cellOpen = false;
      if (line.length() == 0) {
        heading = false;
        return;
      }
      String text = PyText.normalizeSpace(line);
      line.setLength(0);
      if (!text.isEmpty() && !BoilerplateLineFilter.isBoilerplateLine(text))
        blocks.add(new Block(text, heading));
      heading = false;
    }

    Serialized result() {
      return new Serialized(blocks, paragraphs, tables);
    }
  }
}

package org.lmforge.dataprep.extract;

/**
 * Result of main-text extraction: the page title (empty if none) and the main text, one block
 * (paragraph, heading, list item, table row) per line, blocks separated by {@code "\n"}.
 */
public record Extraction(String title, String text) {
  public static final Extraction EMPTY = new Extraction("", "");

  public Extraction {
    title = title == null ? "" : title;
    text = text == null ? "" : text;
  }
}

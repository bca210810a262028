package org.lmforge.dataprep.doc;

import java.io.Serializable;

/**
 * One document as the filters and dedupe see it: a crawl page after main-text extraction and
 * language ID. An edit (lines removed, PII redacted) returns a new Doc; the Spark stages map it to
 * and from a Row of the clean schema (see pipeline's CleanSchema).
 *
 * @param id stable document id (the WARC record id)
 * @param url the page URL
 * @param title page title, may be empty
 * @param text main text, paragraphs separated by "\n"
 * @param language ISO 639-1 code, or "unknown"
 * @param languageScore confidence of the language in [0, 1]
 */
public record Doc(
    String id, String url, String title, String text, String language, double languageScore)
    implements Serializable {

  public Doc withText(String newText) {
    return new Doc(id, url, title, newText, language, languageScore);
  }
}

package org.lmforge.dataprep.filter.text;

import java.util.List;
import org.lmforge.dataprep.doc.Doc;
import org.lmforge.dataprep.filter.Words;

/**
 * Where the quality rules leave the reference behaviour. datatrove's Gopher, C4 and FineWeb filters
 * are English rules (English tokenizer, English stop words; FineWeb runs them after an English
 * language filter). For English documents and documents of unknown language our rules decide
 * exactly as they do. Two adaptations apply only to documents identified as another language, each
 * behind an option: the stop-word rule runs only for the languages its list is for, and scripts
 * written without spaces between words (Chinese, Japanese, Thai, ...) skip the rules that count
 * words.
 */
public final class Scope {
  private Scope() {}

  /** "Any language": a stop-word language list holding it applies the rule to every document. */
  public static final String ALL = "*";

  /**
   * True when {@code language} is one of {@code languages}, "*" is among them, or the language is
   * unknown.
   */
  public static boolean covers(List<String> languages, String language) {
    return isUnknown(language) || languages.contains(ALL) || languages.contains(language);
  }

  public static boolean isUnknown(String language) {
    return language == null
        || language.isEmpty()
        || language.equals("unknown")
        || language.equals("und");
  }

  /**
   * The punctuation that ends a sentence or line: the reference's {@code marks}, plus {@code extra}
   * (their own full stops, e.g. "。") for documents identified as a language other than English.
   */
  public static String endPunctuation(String marks, String extra, String language) {
    return isUnknown(language) || "en".equals(language) ? marks : marks + extra;
  }

  /**
   * True when the word-counting rules should be skipped: the document is in a script without word
   * spaces ({@link Words#isNoSpaceScript}) and was not identified as English; {@code enabled} is
   * the family's {@code skipWordRulesWithoutSpaces}.
   */
  public static boolean skipWordRules(boolean enabled, Doc d) {
    return enabled && !"en".equals(d.language()) && NO_SPACE_SCRIPT.get(d.text(), d.language());
  }

  /** Asked by four rule families of the same text; it reads up to 20,000 characters. */
  private static final LastText<String, Boolean> NO_SPACE_SCRIPT =
      new LastText<>(Words::isNoSpaceScript);
}

package org.lmforge.dataprep.extract;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Single output lines that are boilerplate whatever their position: the label of a share/print
 * button ("Facebook", "Drucken", "E-Mail") or a "more on this" stub, copyright notices, taxonomy
 * lines ("Tags: ...", "Posted in ...") and PHP diagnostics. After trafilatura's {@code textfilter},
 * with a few more languages.
 */
final class BoilerplateLineFilter {
  private BoilerplateLineFilter() {}

  /**
   * Labels of share, print and mail buttons and "more on this" stubs, one entry a label (a regex,
   * for spellings such as E-Mail/EMail), so that a language is added by adding its words.
   */
  private static final List<String> SHARE_LABELS =
      List.of(
          "Drucken",
          "E-?Mail",
          "Facebook",
          "Flipboard",
          "Google",
          "Instagram",
          "Linked[Ii]n",
          "Mail",
          "PDF",
          "Pinterest",
          "Pocket",
          "Print",
          "QQ",
          "Reddit",
          "Twitter",
          "Tweet",
          "WeChat",
          "WeiBo",
          "Whats[Aa]pp",
          "Xing",
          "Telegram",
          "Teilen",
          "Share",
          "Partager",
          "Imprimer",
          "Compartir",
          "Imprimir",
          "Udostępnij",
          "Drukuj",
          "Mehr zum Thema:?",
          "More on this.{0,8}");

  /** "All rights reserved" in the languages the extraction dev set holds. */
  private static final List<String> RIGHTS_RESERVED =
      List.of(
          "all rights reserved",
          "alle rechte vorbehalten",
          "tous droits réservés",
          "todos los derechos reservados",
          "wszelkie prawa zastrzeżone");

  /** The labels that open a blog template's taxonomy line: "Tags: ...", "Posted in ...". */
  private static final List<String> TAXONOMY_LABELS =
      List.of(
          "tags",
          "schlagwörter",
          "schlagworte",
          "kategorien?",
          "categories",
          "category",
          "filed under",
          "posted in",
          "abgelegt unter");

  /** A line that is a share label alone, with any punctuation or icon glyphs around it. */
  private static final Pattern SHARE_LINE =
      Pattern.compile(
          "\\W*(" + String.join("|", SHARE_LABELS) + ")\\W*",
          Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CHARACTER_CLASS);

  /** A copyright notice anywhere in the line, or a taxonomy label at its start. */
  private static final Pattern NOTICE_LINE =
      Pattern.compile(
          "©|\\(c\\) ?\\d{4}|copyright|"
              + String.join("|", RIGHTS_RESERVED)
              + "|^("
              + String.join("|", TAXONOMY_LABELS)
              + ")\\b",
          Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

  /** PHP diagnostics printed into the page by a misconfigured server. */
  private static final Pattern PHP_DIAGNOSTIC =
      Pattern.compile(
          "^(Strict Standards|Warning|Notice|Deprecated|Fatal error|Parse error): .* on line \\d+\\.?$");

  static boolean isShareLine(String line) {
    return line.length() <= 40 && SHARE_LINE.matcher(line).matches();
  }

  /** True for a short line that is a share button label, a copyright notice or a taxonomy line. */
  static boolean isBoilerplateLine(String line) {
    return isShareLine(line)
        || (line.length() <= 200 && NOTICE_LINE.matcher(line).find())
        || (line.length() <= 1000 && PHP_DIAGNOSTIC.matcher(line).matches());
  }
}

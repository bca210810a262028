package org.lmforge.dataprep.extract;

import java.util.regex.Pattern;

/**
 * Single output lines that are boilerplate whatever their position: the label of a share/print
 * button ("Facebook", "Drucken", "E-Mail") or a "more on this" stub, copyright notices, taxonomy
 * lines ("Tags: ...", "Posted in ...") and PHP diagnostics. After trafilatura's {@code textfilter},
 * with a few more languages.
 */
final class BoilerplateLineFilter {
  private BoilerplateLineFilter() {}

  private static final Pattern SHARE_LINE =
      Pattern.compile(
          "\\W*(Drucken|E-?Mail|Facebook|Flipboard|Google|Instagram|Linked[Ii]n|Mail|PDF|Pinterest|Pocket|Print"
              + "|QQ|Reddit|Twitter|Tweet|WeChat|WeiBo|Whats[Aa]pp|Xing|Telegram|Teilen|Share|Partager|Imprimer"
              + "|Compartir|Imprimir|Udostępnij|Drukuj|Mehr zum Thema:?|More on this.{0,8})\\W*",
          Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CHARACTER_CLASS);

  /** Copyright notices and "Tags: ..." / "Posted in ..." taxonomy lines of blog templates. */
  private static final Pattern NOTICE_LINE =
      Pattern.compile(
          "©|\\(c\\) ?\\d{4}|copyright|all rights reserved|alle rechte vorbehalten|tous droits réservés"
              + "|todos los derechos reservados|wszelkie prawa zastrzeżone"
              + "|^(tags|schlagwörter|schlagworte|kategorien?|categories|category|filed under|posted in|abgelegt unter)\\b",
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

package org.lmforge.dataprep.filter.text;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Word and sentence tokenizer with the behaviour of the one datatrove's Gopher, C4 and FineWeb
 * filters use for English: spaCy's rule-based English tokenizer ({@code spacy.blank("en")}) and its
 * punctuation sentencizer. The quality rules count these tokens (words, their lengths, stop words,
 * n-grams, sentences), so matching the reference decisions needs the same tokens, not just "words
 * between spaces".
 *
 * <p>How a text is split, as there: at whitespace; then each piece loses prefixes (opening
 * punctuation, quotes, currency signs) and suffixes (closing punctuation, quotes, "'s", units and
 * currency after a number, a final period after a lower-case letter, digit or punctuation, or after
 * two capitals) one at a time, stopping at a special case ({@link TokenizerExceptions}); what is
 * left is split at infixes (hyphens and dashes between letters, "..." inside a word, a period
 * between a lower-case and a capital letter, a comma between letters, ":" "/" "=" "&lt;" "&gt;"
 * before a letter) unless it is a URL. So "well-known" is three tokens, "don't" two, "U.S." and
 * "Dr." one, "1999." two.
 *
 * <p>Sentences: a sentence ends at a token that is one of the sentence-final marks (". ! ?" and
 * their ideographic / Arabic / Devanagari forms), together with the punctuation tokens right after
 * it.
 */
public final class WordTokenizer {
  private WordTokenizer() {}

  /**
   * Characters that are a prefix on their own (opening punctuation, quotes, currency signs,
   * symbols).
   */
  private static final String PREFIX_CHARS =
      "§%=—–…,:;!?¿؟¡()[]{}<>_#*&。？！，、；：～·।،۔؛٪" + "'\"”“`‘´’‚„»«「」『』（）〔〕【】《》〈〉〈〉⟦⟧" + "$£€¥฿₽﷼₴";

  /** Characters that are a suffix on their own. */
  private static final String SUFFIX_CHARS =
      "…,:;!?¿؟¡()[]{}<>_#*&。？！，、；：～·।،۔؛٪" + "'\"”“`‘´’‚„»«「」『』（）〔〕【】《》〈〉〈〉⟦⟧—–";

  /**
   * What may stand before a final period that is split off (besides digits and lower-case letters).
   */
  private static final String BEFORE_PERIOD =
      "%²-+…,:;!?¿؟¡()[]{}<>_#*&。？！，、；：～·।،۔؛٪|" + "'\"”“`‘´’‚„»«「」『』（）〔〕【】《》〈〉〈〉⟦⟧";

  /** Whole suffixes split off as one token: a double ellipsis and the possessive "'s". */
  private static final java.util.Set<String> SUFFIX_WORDS =
      java.util.Set.of("……", "'s", "'S", "’s", "’S");

  /** The first characters of {@link #SUFFIX_WORDS}, all two characters long. */
  private static final String SUFFIX_WORD_STARTS = "…'’";

  private static final String QUOTES = "'\"”“`‘´’‚,„»«「」『』（）〔〕【】《》〈〉〈〉⟦⟧";
  private static final String CURRENCY_AFTER_NUMBER = "$£€¥฿₽﷼₴";
  private static final java.util.Set<String> UNITS =
      java.util.Set.of(
          "km", "km²", "km³", "m", "m²", "m³", "dm", "dm²", "dm³", "cm", "cm²", "cm³", "mm", "mm²",
          "mm³", "ha", "µm", "nm", "yd", "in", "ft", "kg", "g", "mg", "µg", "t", "lb", "oz", "m/s",
          "km/h", "kmh", "mph", "hPa", "Pa", "mbar", "mb", "MB", "kb", "KB", "gb", "GB", "tb", "TB",
          "T", "G", "M", "K", "%", "км", "м", "см", "мм", "кг", "г", "мг", "US$", "C$", "A$");

  /** Sentence-final marks of the sentencizer (the ones in the Basic Multilingual Plane). */
  private static final String SENTENCE_END =
      "!.?։؟۔܀܁܂߹।॥၊။።፧፨᙮᜵᜶᠃᠉᥄᥅᪨᪩᪪᪫᭚᭛᭞᭟᰻᰼᱾᱿‼‽⁇⁈⁉⸮⸼꓿꘎꘏꛳꛷꡶꡷꣎꣏꤯꧈꧉꩝꩞꩟꫰꫱꯫﹒﹖﹗！．？｡。";

  /** A web address stays one token (the tokenizer's URL rule, in short). */
  private static final Pattern URL =
      Pattern.compile(
          "(?:(?:[A-Za-z][A-Za-z0-9+.-]*)://|www\\.)?(?:[^\\s/?#@:]+(?::[^\\s/?#@]*)?@)?"
              + "(?:[\\p{L}\\p{N}](?:[\\p{L}\\p{N}_-]{0,62}[\\p{L}\\p{N}])?\\.)+[a-z\\u00a1-\\uffff]{2,63}\\.?"
              + "(?::\\d{2,5})?(?:[/?#]\\S*)?");

  /** The words of the last text this thread tokenized (see {@link LastText}). */
  private static final LastText<Void, List<String>> WORDS =
      new LastText<>((text, none) -> wordsOf(text));

  /**
   * The words of {@code text}: every non-whitespace token (datatrove's {@code word_tokenize});
   * unmodifiable. The Gopher, FineWeb and safety rules ask for the same text's words: it is
   * tokenized once.
   */
  public static List<String> words(String text) {
    return WORDS.get(text, null);
  }

  private static List<String> wordsOf(String text) {
    List<String> tokens = tokens(text);
    List<String> out = new ArrayList<>(tokens.size());
    for (String t : tokens) {
      if (!PyText.isBlank(t)) out.add(t);
    }
    return java.util.Collections.unmodifiableList(out);
  }

  /**
   * How many non-empty sentences {@code text} has (datatrove's {@code len(sent_tokenize(text))}).
   */
  public static int sentenceCount(String text) {
    List<String> tokens = tokens(text);
    int sentences = 0;
    boolean seenEnd = false;
    boolean nonBlank = false; // the current sentence has a non-whitespace token
    for (String t : tokens) {
      boolean end = t.length() == 1 && SENTENCE_END.indexOf(t.charAt(0)) >= 0;
      if (seenEnd && !end && !isPunct(t)) {
        if (nonBlank) sentences++;
        nonBlank = false;
        seenEnd = false;
      } else if (end) {
        seenEnd = true;
      }
      nonBlank |= !PyText.isBlank(t);
    }
    if (nonBlank) sentences++;
    return sentences;
  }

  /**
   * Every token, whitespace tokens included (a run of whitespace other than one plain space after a
   * token).
   */
  static List<String> tokens(String text) {
    List<String> out = new ArrayList<>(Math.max(8, text.length() / 4));
    int n = text.length();
    int i = 0;
    while (i < n) {
      int start = i;
      if (PyText.isSpace(text.charAt(i))) {
        while (i < n && PyText.isSpace(text.charAt(i))) i++;
        // one plain space right after a token belongs to it; any other whitespace is a token of its
        // own
        int from = (start > 0 && text.charAt(start) == ' ') ? start + 1 : start;
        if (from < i) out.add(text.substring(from, i));
      } else {
        while (i < n && !PyText.isSpace(text.charAt(i))) i++;
        int first = out.size();
        piece(text.substring(start, i), out);
        if (out.size() - first > 1) mergeSpecials(out, first);
      }
    }
    return out;
  }

  /**
   * Special cases the affix rules cut apart ("z.B." gives "z" "." "B.", but "z." is an
   * abbreviation): runs of two to four tokens of one piece whose concatenation is a special case
   * become that special case's tokens.
   */
  private static void mergeSpecials(List<String> out, int from) {
    for (int i = from; i < out.size() - 1; i++) {
      for (int k = Math.min(4, out.size() - i); k >= 2; k--) {
        StringBuilder b = new StringBuilder();
        for (int j = 0; j < k; j++) b.append(out.get(i + j));
        List<String> special = TokenizerExceptions.SPECIALS.get(b.toString());
        List<String> run = out.subList(i, i + k);
        if (special != null && !special.equals(run)) {
          run.clear();
          run.addAll(special);
          i += special.size() - 1;
          break;
        }
      }
    }
  }

  /** Splits one whitespace-free piece: special cases, prefixes and suffixes, then infixes. */
  private static void piece(String s, List<String> out) {
    List<String> special = TokenizerExceptions.SPECIALS.get(s);
    if (special != null) {
      out.addAll(special);
      return;
    }
    // Most pieces are plain words. No prefix, suffix or infix rule matches a piece of letters only
    // (each needs a punctuation mark, symbol or digit), so such a piece is one token as it is.
    if (lettersOnly(s)) {
      out.add(s);
      return;
    }
    List<String> prefixes = new ArrayList<>(2);
    List<String> suffixes = new ArrayList<>(2);
    String rest = s;
    int lastSize = -1;
    while (!rest.isEmpty() && rest.length() != lastSize) {
      if (TokenizerExceptions.SPECIALS.containsKey(rest)) break;
      lastSize = rest.length();
      int pre = prefixLength(rest);
      if (pre > 0) {
        String minusPre = rest.substring(pre);
        if (!minusPre.isEmpty() && TokenizerExceptions.SPECIALS.containsKey(minusPre)) {
          prefixes.add(rest.substring(0, pre));
          rest = minusPre;
          break;
        }
      }
      int suf = suffixLength(rest.substring(pre));
      if (suf > 0) {
        String minusSuf = rest.substring(0, rest.length() - suf);
        if (!minusSuf.isEmpty() && TokenizerExceptions.SPECIALS.containsKey(minusSuf)) {
          suffixes.add(rest.substring(rest.length() - suf));
          rest = minusSuf;
          break;
        }
      }
      if (pre > 0 && suf > 0 && pre + suf <= rest.length()) {
        prefixes.add(rest.substring(0, pre));
        suffixes.add(rest.substring(rest.length() - suf));
        rest = rest.substring(pre, rest.length() - suf);
      } else if (pre > 0) {
        prefixes.add(rest.substring(0, pre));
        rest = rest.substring(pre);
      } else if (suf > 0) {
        suffixes.add(rest.substring(rest.length() - suf));
        rest = rest.substring(0, rest.length() - suf);
      }
      if (!rest.isEmpty() && TokenizerExceptions.SPECIALS.containsKey(rest)) break;
      // "word," is now "word": letters only, which no rule splits (see above), so the next round
      // would find nothing
      if (lettersOnly(rest)) break;
    }
    out.addAll(prefixes);
    if (!rest.isEmpty()) {
      List<String> special2 = TokenizerExceptions.SPECIALS.get(rest);
      if (special2 != null) {
        out.addAll(special2);
      } else if (lettersOnly(rest)) {
        out.add(rest); // no infix rule matches a letter either
      } else if (rest.indexOf('.') > 0 && URL.matcher(rest).matches()) {
        out.add(rest);
      } else {
        infixes(rest, out);
      }
    }
    for (int k = suffixes.size() - 1; k >= 0; k--) out.add(suffixes.get(k));
  }

  private static int prefixLength(String s) {
    char c = s.charAt(0);
    if (c == '.' && s.length() > 1 && s.charAt(1) == '.') return run(s, 0, '.');
    if (c == '+') return s.length() > 1 && isDigit(s.charAt(1)) ? 0 : 1;
    if (s.startsWith("US$")) return 3;
    if ((c == 'C' || c == 'A') && s.length() > 1 && s.charAt(1) == '$') return 2;
    if (PREFIX_CHARS.indexOf(c) >= 0
        || (c >= '\u20A0' && c <= '\u20BF')
        || isIcon(s.codePointAt(0))) {
      return Character.charCount(s.codePointAt(0));
    }
    return 0;
  }

  /** Length of the suffix the leftmost-matching suffix rule takes off {@code s}, or 0. */
  private static int suffixLength(String s) {
    int n = s.length();
    if (n == 0) return 0;
    int best = -1;
    if (n >= 2 && s.charAt(n - 1) == '.' && s.charAt(n - 2) == '.') {
      int p = n - 1;
      while (p > 0 && s.charAt(p - 1) == '.') p--;
      best = p;
    }
    for (int p = Math.max(0, n - 6); p < n && (best < 0 || p < best); p++) {
      if (suffixMatchesAt(s, p)) {
        best = p;
        break;
      }
    }
    return best < 0 ? 0 : n - best;
  }

  private static boolean suffixMatchesAt(String s, int p) {
    int n = s.length();
    int len = n - p;
    char last = s.charAt(n - 1);
    if (len == 1 && (SUFFIX_CHARS.indexOf(last) >= 0 || isIcon(last))) return true;
    if (len == 2 && Character.isSurrogatePair(s.charAt(p), last) && isIcon(s.codePointAt(p)))
      return true;
    // the tail is cut out only where a whole-suffix rule can match: this runs for up to six
    // positions of every piece that is not letters only
    if (len == 2
        && SUFFIX_WORD_STARTS.indexOf(s.charAt(p)) >= 0
        && SUFFIX_WORDS.contains(s.substring(p))) return true;
    boolean afterDigit = p > 0 && isDigit(s.charAt(p - 1));
    if (afterDigit) {
      if (len == 1 && last == '+') return true;
      if (len == 1
          && (CURRENCY_AFTER_NUMBER.indexOf(last) >= 0 || (last >= '\u20A0' && last <= '\u20BF'))) {
        return true;
      }
      if (UNITS.contains(s.substring(p))) return true;
    }
    if (len == 1 && last == '.' && p > 0) {
      char b = s.charAt(p - 1);
      if (isDigit(b) || isLower(b) || BEFORE_PERIOD.indexOf(b) >= 0) return true;
      if (p >= 2 && isUpper(b) && isUpper(s.charAt(p - 2))) return true;
      if (p >= 2 && s.charAt(p - 2) == '°' && "FfCcKk".indexOf(b) >= 0) return true;
    }
    return false;
  }

  /** Splits at infixes, leftmost first; an infix at the very start is not split off. */
  private static void infixes(String s, List<String> out) {
    int n = s.length();
    int start = 0;
    int i = 0;
    while (i < n) {
      int end = infixAt(s, i);
      if (end < 0) {
        i++;
        continue;
      }
      if (i != 0) {
        if (i != start) out.add(s.substring(start, i));
        out.add(s.substring(i, end));
        start = end;
      }
      i = end;
    }
    if (start < n) out.add(s.substring(start));
  }

  /** End of the infix that starts at {@code i}, or -1. */
  private static int infixAt(String s, int i) {
    int n = s.length();
    char c = s.charAt(i);
    char before = i > 0 ? s.charAt(i - 1) : 0;
    char after = i + 1 < n ? s.charAt(i + 1) : 0;
    if (c == '.' && after == '.') return run(s, i, '.');
    if (c == '…') return i + 1;
    if (isIcon(s.codePointAt(i))) return i + Character.charCount(s.codePointAt(i));
    if (i > 0 && isDigit(before) && "+-*^".indexOf(c) >= 0 && (isDigit(after) || after == '-'))
      return i + 1;
    if (c == '.'
        && i > 0
        && (isLower(before) || QUOTES.indexOf(before) >= 0)
        && (isUpper(after) || QUOTES.indexOf(after) >= 0)) {
      return i + 1;
    }
    boolean letterBefore = i > 0 && isAlpha(before);
    if (c == ',' && letterBefore && isAlpha(after)) return i + 1;
    boolean alnumBefore = letterBefore || (i > 0 && isDigit(before));
    if (alnumBefore) {
      for (String h : new String[] {"-", "–", "—", "--", "---", "——", "~"}) {
        if (s.startsWith(h, i) && i + h.length() < n && isAlpha(s.charAt(i + h.length())))
          return i + h.length();
      }
      if (":<>=/".indexOf(c) >= 0 && isAlpha(after)) return i + 1;
    }
    return -1;
  }

  private static int run(String s, int from, char c) {
    int e = from;
    while (e < s.length() && s.charAt(e) == c) e++;
    return e;
  }

  private static boolean lettersOnly(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean ascii = (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
      if (!ascii && (c < 0x80 || !Character.isLetter(c))) return false;
    }
    return true;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  /**
   * Letters; letters of scripts without case count as both lower and upper case (as in spaCy's
   * classes).
   */
  private static boolean isAlpha(char c) {
    if (Character.isLetter(c)) return true;
    // spaCy's letter classes are whole script blocks: vowel signs and native digits of Indic,
    // Arabic ... count
    int t = Character.getType(c);
    return c > 0x2FF
        && (t == Character.NON_SPACING_MARK
            || t == Character.COMBINING_SPACING_MARK
            || t == Character.DECIMAL_DIGIT_NUMBER);
  }

  private static boolean isLower(char c) {
    return Character.isLetter(c) && !Character.isUpperCase(c) && !Character.isTitleCase(c);
  }

  private static boolean isUpper(char c) {
    return Character.isLetter(c) && !Character.isLowerCase(c);
  }

  /** Symbols such as ©, °, arrows, box drawing and emoji split off like punctuation. */
  private static boolean isIcon(int cp) {
    // U+00A6 (¦) is the first OTHER_SYMBOL code point: below it (all of ASCII) no table lookup,
    // which this per-character test spent 10% of the filter chain's time on
    return cp >= 0xA6 && Character.getType(cp) == Character.OTHER_SYMBOL;
  }

  /**
   * The punctuation and control characters datatrove's Gopher rule does not count as a word when a
   * token is made only of them ({@code datatrove.utils.text.PUNCTUATION}; note the full-width "１"
   * among them).
   */
  private static final String SYMBOLS =
      "!/—”:％１〈&(、━\\【#%「」，】；+^]~“《„';’{|∶´[=-`*．（–？！：$～«〉,><》)?）。…@_.\"}►»";

  /**
   * True when every character of {@code t} is one of those symbols or a control character (tab and
   * newline excepted).
   */
  public static boolean isSymbolToken(String t) {
    for (int i = 0; i < t.length(); i++) {
      char c = t.charAt(i);
      boolean control = (c < 32 && c != '\t' && c != '\n') || (c >= 127 && c < 160);
      if (!control && SYMBOLS.indexOf(c) < 0) return false;
    }
    return true;
  }

  /** spaCy's {@code is_punct}: every character is Unicode punctuation (categories P*). */
  static boolean isPunct(String t) {
    if (t.isEmpty()) return false;
    for (int i = 0; i < t.length(); ) {
      int cp = t.codePointAt(i);
      switch (Character.getType(cp)) {
        case Character.CONNECTOR_PUNCTUATION,
            Character.DASH_PUNCTUATION,
            Character.START_PUNCTUATION,
            Character.END_PUNCTUATION,
            Character.INITIAL_QUOTE_PUNCTUATION,
            Character.FINAL_QUOTE_PUNCTUATION,
            Character.OTHER_PUNCTUATION -> {}
        default -> {
          return false;
        }
      }
      i += Character.charCount(cp);
    }
    return true;
  }
}

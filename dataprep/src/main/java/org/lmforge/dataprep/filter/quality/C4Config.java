package org.lmforge.dataprep.filter.quality;

import java.io.Serializable;
import java.util.List;

/**
 * C4 rules: Raffel et al. 2020, "Exploring the Limits of Transfer Learning with a Unified Text-to-Text
 * Transformer", Sec. 2.2, as implemented in TensorFlow Datasets' {@code c4_utils.py} and datatrove's
 * {@code C4QualityFilter}. Line rules remove lines; lorem ipsum, a curly bracket and too few sentences drop
 * the whole page.
 *
 * @param removeCitations       true: strip Wikipedia-style "[1]", "[edit]", "[citation needed]" (c4_utils)
 * @param filterNoTerminalPunct keep only lines ending in terminal punctuation, not in "...": true in the C4
 *                              paper; false by default here as in FineWeb's recipe (datatrove
 *                              examples/fineweb.py, {@code C4QualityFilter(filter_no_terminal_punct=False)}),
 *                              since it removes too much and FineWeb's line-punctuation rule judges it instead
 * @param minSentences          5: drop pages with fewer sentences after line removal (paper); -1 disables
 * @param minWordsPerLine       3: remove lines with fewer words (paper); -1 disables; skipped for scripts
 *                              without word spaces
 * @param maxWordLength         1000: remove lines with a longer word (c4_utils); -1 disables
 * @param filterLoremIpsum      true: drop pages containing "lorem ipsum" (paper)
 * @param filterJavascript      true: remove lines containing "javascript" (paper)
 * @param filterCurlyBracket    true: drop pages containing "{" (paper: removes code)
 * @param filterPolicy          true: remove lines containing one of {@code policySubstrings} (c4_utils)
 * @param terminalPunctuation   characters that end a kept line: C4's {@code . ? ! "} plus datatrove's
 *                              {@code '}; we add the ideographic full stop and full-width ! ? and the
 *                              Devanagari danda so the rule does not wipe out text in those scripts
 * @param policySubstrings      c4_utils' list: terms of use, privacy policy, cookie policy, uses cookies,
 *                              use of cookies, use cookies
 */
public record C4Config(boolean removeCitations, boolean filterNoTerminalPunct, int minSentences,
    int minWordsPerLine, int maxWordLength, boolean filterLoremIpsum, boolean filterJavascript,
    boolean filterCurlyBracket, boolean filterPolicy, String terminalPunctuation, List<String> policySubstrings)
    implements Serializable {

  public static C4Config defaults() {
    return new C4Config(true, false, 5, 3, 1000, true, true, true, true, ".?!\"'。！？।",
        List.of("terms of use", "privacy policy", "cookie policy", "uses cookies", "use of cookies",
            "use cookies"));
  }
}

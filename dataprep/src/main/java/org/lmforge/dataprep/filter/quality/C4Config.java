package org.lmforge.dataprep.filter.quality;

import java.io.Serializable;
import java.util.List;
import org.lmforge.config.Defaults;

/**
 * C4 rules: Raffel et al. 2020, "Exploring the Limits of Transfer Learning with a Unified
 * Text-to-Text Transformer", Sec. 2.2, as implemented in TensorFlow Datasets' {@code c4_utils.py}
 * and datatrove's {@code C4QualityFilter}. Line rules remove lines; lorem ipsum, a curly bracket
 * and too few sentences drop the whole page.
 *
 * @param removeCitations true: cut Wikipedia-style "[1]", "[edit]", "[citation needed]" out of
 *     lines
 * @param filterNoTerminalPunct false, as FineWeb's recipe configures the reference (datatrove
 *     examples/fineweb.py, {@code C4QualityFilter(filter_no_terminal_punct=False)}, which leaves
 *     this to FineWeb's own line-punctuation rule); true = the C4 paper and the reference class's
 *     own default: keep only lines ending in {@code terminalPunctuation} and not in "..."
 * @param minSentences 5: fewer sentences in the kept lines drops the page; -1 disables
 * @param minWordsPerLine 3: lines with fewer whitespace-separated words are removed; -1 disables
 * @param maxWordLength 1000: lines with a longer word are removed; -1 disables
 * @param filterLoremIpsum true: drop pages with a kept-so-far line containing "lorem ipsum"
 * @param filterJavascript true: remove lines containing "javascript"
 * @param filterCurlyBracket true: drop pages with a kept-so-far line containing "{" (removes code)
 * @param filterPolicy true: remove lines containing one of {@code policySubstrings}
 * @param terminalPunctuation ". ? ! \" '" (the reference's END_PUNCTUATION)
 * @param policySubstrings c4_utils' list: terms of use, privacy policy, cookie policy, uses
 *     cookies, use of cookies, use cookies
 * @param extraTerminalPunctuation "。！？।": also terminal for documents identified as a language
 *     other than English (their own full stops); "" = the reference
 * @param skipWordRulesWithoutSpaces true: documents identified as a language written without word
 *     spaces (not English) skip the words-per-line rule; false = the reference
 */
public record C4Config(
    boolean removeCitations,
    boolean filterNoTerminalPunct,
    int minSentences,
    int minWordsPerLine,
    int maxWordLength,
    boolean filterLoremIpsum,
    boolean filterJavascript,
    boolean filterCurlyBracket,
    boolean filterPolicy,
    String terminalPunctuation,
    List<String> policySubstrings,
    String extraTerminalPunctuation,
    boolean skipWordRulesWithoutSpaces)
    implements Serializable {

  /** The shipped defaults: {@code filters.c4} of conf/filters.conf. */
  public static C4Config defaults() {
    return Defaults.of("filters", "filters.c4", C4Config.class);
  }
}

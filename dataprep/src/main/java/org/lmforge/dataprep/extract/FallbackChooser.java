package org.lmforge.dataprep.extract;

/**
 * Picks between the pattern-based result and the readability fallback, with trafilatura's rules
 * ({@code external._prefer_readability}): the fallback wins when ours is empty, when it is more
 * than twice as long, or when ours is structurally poor (no paragraphs, or more tables than
 * paragraphs).
 */
final class FallbackChooser {
  private FallbackChooser() {}

  static TextSerializer.Serialized choose(
      TextSerializer.Serialized own, TextSerializer.Serialized fallback, ExtractorConfig cfg) {
    int lenOwn = own.length();
    int lenAlt = fallback.length();
    if (lenAlt == 0 || lenAlt == lenOwn) return own;
    if (lenOwn > 2 * lenAlt) return own;
    if (lenOwn == 0) return fallback;
    // a fallback that starts with "{" grabbed a JSON blob from the page, not prose
    boolean json = fallback.text().startsWith("{");
    if (lenAlt > 2 * lenOwn && !json) return fallback;
    if (lenAlt > 2 * cfg.minExtractedChars()
        && (own.paragraphs() == 0 || own.tables() > own.paragraphs())) {
      return fallback;
    }
    return own;
  }
}

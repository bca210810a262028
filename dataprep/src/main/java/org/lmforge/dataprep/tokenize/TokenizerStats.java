package org.lmforge.dataprep.tokenize;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How well a tokenizer compresses a text: UTF-8 bytes per token (higher = fewer tokens for the same
 * text, so more text per context window and per training step) and its most frequent tokens.
 *
 * @param tokenizer the tokenizer's id
 * @param bytes UTF-8 bytes of the text
 * @param tokens tokens it encodes to
 * @param top most frequent tokens, most frequent first
 */
public record TokenizerStats(String tokenizer, long bytes, long tokens, List<TokenCount> top) {

  /** One vocabulary entry and how often it occurs. */
  public record TokenCount(int id, String text, long count) {}

  public double bytesPerToken() {
    return tokens == 0 ? 0 : (double) bytes / tokens;
  }

  public static TokenizerStats measure(BpeTokenizer tok, String text, int topK) {
    byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
    int[] ids = tok.encode(utf8);
    long[] freq = new long[tok.vocabSize()];
    for (int id : ids) freq[id]++;
    List<Integer> order = new ArrayList<>();
    for (int id = 0; id < freq.length; id++) if (freq[id] > 0) order.add(id);
    order.sort(
        (a, b) -> freq[a] != freq[b] ? Long.compare(freq[b], freq[a]) : Integer.compare(a, b));
    List<TokenCount> top = new ArrayList<>();
    for (int id : order.subList(0, Math.min(topK, order.size())))
      top.add(new TokenCount(id, tok.tokenText(id), freq[id]));
    return new TokenizerStats(tok.id(), utf8.length, ids.length, top);
  }

  /** A two-column report: ours on the left, the reference (GPT-2) on the right. */
  public static String sideBySide(TokenizerStats a, TokenizerStats b) {
    StringBuilder sb = new StringBuilder();
    sb.append(String.format(Locale.ROOT, "%-44s | %-44s%n", a.tokenizer(), b.tokenizer()));
    sb.append(
        String.format(
            Locale.ROOT,
            "%-44s | %-44s%n",
            "bytes " + a.bytes() + ", tokens " + a.tokens(),
            "bytes " + b.bytes() + ", tokens " + b.tokens()));
    sb.append(
        String.format(
            Locale.ROOT,
            "%-44s | %-44s%n",
            String.format(Locale.ROOT, "bytes/token %.3f", a.bytesPerToken()),
            String.format(Locale.ROOT, "bytes/token %.3f", b.bytesPerToken())));
    for (int i = 0; i < Math.max(a.top().size(), b.top().size()); i++) {
      sb.append(String.format(Locale.ROOT, "%-44s | %-44s%n", row(a, i), row(b, i)));
    }
    return sb.toString();
  }

  private static String row(TokenizerStats s, int i) {
    if (i >= s.top().size()) return "";
    TokenCount t = s.top().get(i);
    String shown = t.text().replace("\n", "\\n").replace("\t", "\\t").replace("\r", "\\r");
    return String.format(
        Locale.ROOT,
        "%6d %-22s %9d %5.2f%%",
        t.id(),
        "'" + shown + "'",
        t.count(),
        100.0 * t.count() / s.tokens());
  }
}

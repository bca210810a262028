package org.lmforge.dataprep.tokenize;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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

  /**
   * Usage: {@code TokenizerStats <tokenizer dir (vocab.json+merges.txt)> <text file> [top=20] [gpt2
   * path]}. The GPT-2 column loads r50k_base from JTokkit on the classpath unless a tiktoken file
   * or encoder.json+vocab.bpe folder is given.
   */
  public static void main(String[] args) throws IOException {
    if (args.length < 2) {
      System.err.println(
          "usage: TokenizerStats <tokenizer dir with vocab.json+merges.txt> <text file> [top=20] [gpt2 tiktoken file or dir]");
      System.exit(2);
    }
    BpeTokenizer ours =
        TokenizerFiles.load(Path.of(args[0]), Path.of(args[0]).getFileName().toString());
    String text = new String(Files.readAllBytes(Path.of(args[1])), StandardCharsets.UTF_8);
    int top = args.length > 2 ? Integer.parseInt(args[2]) : 20;
    BpeTokenizer gpt2 =
        args.length > 3
            ? TokenizerFiles.gpt2From(Path.of(args[3]))
            : TokenizerFiles.gpt2FromClasspath();
    System.out.print(sideBySide(measure(ours, text, top), measure(gpt2, text, top)));
  }
}

package org.lmforge.model.eval;

/**
 * Validation figures.
 *
 * @param loss mean per-token cross-entropy, nats
 * @param perplexity exp(loss)
 * @param bitsPerByte loss / ln 2 · tokens / bytes (NaN when the stream's bytes per token is
 *     unknown)
 * @param tokens tokens scored
 */
public record EvalResult(double loss, double perplexity, double bitsPerByte, long tokens) {
  public static EvalResult of(double meanLoss, long tokens, double bytesPerToken) {
    return new EvalResult(
        meanLoss, Math.exp(meanLoss), meanLoss / Math.log(2) / bytesPerToken, tokens);
  }
}

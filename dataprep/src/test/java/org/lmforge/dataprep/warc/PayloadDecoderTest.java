package org.lmforge.dataprep.warc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * Bodies recorded still encoded, as browser-based crawlers store them: Brotli and zstd decode (they
 * were kept as compressed bytes and the page lost); a body stored decoded under the original header
 * is kept as it is. The compressed files were made by the brotli and zstd tools (SOURCE.md).
 */
class PayloadDecoderTest {
  private static final int CAP = 1 << 20;

  private static byte[] resource(String name) throws IOException {
    try (InputStream in = PayloadDecoderTest.class.getResourceAsStream(name)) {
      return in.readAllBytes();
    }
  }

  @Test
  void brotliAndZstdBodiesDecodeToThePage() throws IOException {
    byte[] html = resource("encoded-page.html");
    assertArrayEquals(
        html, PayloadDecoder.decode(resource("encoded-page.html.br"), null, "br", CAP));
    assertArrayEquals(
        html, PayloadDecoder.decode(resource("encoded-page.html.zst"), null, "zstd", CAP));
    // the header as servers write it
    assertArrayEquals(
        html, PayloadDecoder.decode(resource("encoded-page.html.br"), null, " BR ", CAP));
  }

  @Test
  void aBodyStoredDecodedUnderTheHeaderIsKept() throws IOException {
    byte[] html = resource("encoded-page.html");
    assertArrayEquals(html, PayloadDecoder.decode(html, null, "br", CAP));
    assertArrayEquals(html, PayloadDecoder.decode(html, null, "zstd", CAP));
    byte[] garbage = Arrays.copyOfRange(resource("encoded-page.html.zst"), 4, 300);
    assertArrayEquals(garbage, PayloadDecoder.decode(garbage, null, "br", CAP));
  }
}

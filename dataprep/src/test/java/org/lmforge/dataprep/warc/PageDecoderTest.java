package org.lmforge.dataprep.warc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PageDecoderTest {
  @Test
  void bomWins() {
    byte[] body = "<meta charset=windows-1252>é".getBytes(StandardCharsets.UTF_8);
    byte[] withBom = new byte[body.length + 3];
    withBom[0] = (byte) 0xEF;
    withBom[1] = (byte) 0xBB;
    withBom[2] = (byte) 0xBF;
    System.arraycopy(body, 0, withBom, 3, body.length);
    assertEquals("<meta charset=windows-1252>é", PageDecoder.decodeText(withBom));
  }

  @Test
  void metaCharsetAndHttpEquivAreRead() {
    assertEquals(
        "<meta charset=\"iso-8859-2\">ł",
        PageDecoder.decodeText(
            "<meta charset=\"iso-8859-2\">ł".getBytes(Charset.forName("iso-8859-2"))));
    String equiv = "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=ISO-8859-1\">€";
    // ISO-8859-1 is read as windows-1252, as browsers do, so 0x80 is the euro sign
    assertEquals(equiv, PageDecoder.decodeText(equiv.getBytes(Charset.forName("windows-1252"))));
  }

  @Test
  void undeclaredDefaultsToUtf8AndFallsBackOnInvalidBytes() {
    assertEquals(
        "<p>Zürich</p>", PageDecoder.decodeText("<p>Zürich</p>".getBytes(StandardCharsets.UTF_8)));
    assertEquals(
        "<p>Zürich</p>",
        PageDecoder.decodeText("<p>Zürich</p>".getBytes(Charset.forName("windows-1252"))));
  }
}

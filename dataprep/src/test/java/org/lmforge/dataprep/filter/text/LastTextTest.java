package org.lmforge.dataprep.filter.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LastTextTest {
  @Test
  void measuresATextOnceUntilAnotherTextOrKeyIsAsked() throws Exception {
    List<String> calls = new ArrayList<>();
    LastText<String, Integer> length =
        new LastText<>(
            (text, key) -> {
              calls.add(text + "/" + key);
              return text.length();
            });
    String page = new String("a page of text".toCharArray());
    assertEquals(14, length.get(page, "en"));
    assertEquals(14, length.get(page, "en"));
    assertEquals(List.of("a page of text/en"), calls, "the same text and key: measured once");

    length.get(page, "de");
    assertEquals(2, calls.size(), "another key is measured again");
    // an edited document is a new String, even when equal: measured again
    String edited = new String(page.toCharArray());
    length.get(edited, "de");
    assertEquals(3, calls.size());
    length.get(page, "de");
    assertEquals(4, calls.size(), "only the last text is kept");

    // each thread has its own last text
    Thread other = new Thread(() -> length.get(page, "de"));
    other.start();
    other.join();
    assertEquals(5, calls.size());
  }
}

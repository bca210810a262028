package org.lmforge.dataprep.filter.consent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lmforge.dataprep.doc.Doc;

class OptOutFilterTest {
  @TempDir Path tmp;

  private static Doc at(String url) {
    return new Doc("id", url, "", "text", "en", 1);
  }

  @Test
  void robotsDirectives() {
    OptOut o = new OptOut(OptOutConfig.defaults());
    assertTrue(o.isOptedOut("https://a.example/", "noai, noimageai"));
    assertTrue(o.isOptedOut("https://a.example/", "index, follow, NoAI"));
    assertTrue(o.isOptedOut("https://a.example/", "googlebot: noai"));
    assertTrue(o.isOptedOut("https://a.example/", "tdm-reservation: 1"));
    assertTrue(o.isOptedOut("https://a.example/", "train-ai=n"));
    assertFalse(o.isOptedOut("https://a.example/", "noimageai"), "noimageai reserves images only");
    assertFalse(o.isOptedOut("https://a.example/", "noindex, nofollow"));
    assertFalse(o.isOptedOut("https://a.example/", "tdm-reservation: 0"));
    assertFalse(o.isOptedOut("https://a.example/", null));
    assertFalse(o.isOptedOut("https://a.example/", "noairport")); // whole directives only
  }

  @Test
  void domainAndPrefixListsAndTheFilter() throws IOException {
    Path domains =
        Files.writeString(tmp.resolve("domains.txt"), "# opted-out publishers\nnews.example\n");
    Path prefixes =
        Files.writeString(tmp.resolve("prefixes.txt"), "https://blog.example.org/private/\n");
    OptOutFilter f =
        new OptOutFilter(
            new OptOutConfig(
                List.of(domains.toString()),
                List.of(prefixes.toString()),
                OptOutConfig.defaults().robotsTokens()));
    assertEquals("opt_out.domain", f.apply(at("https://www.news.example/a")).reason());
    assertEquals(
        "opt_out.url_prefix", f.apply(at("http://www.blog.example.org/private/post-1")).reason());
    assertNull(f.apply(at("https://blog.example.org/public/post-1")).reason());
    assertNull(f.apply(at("https://othernews.example/")).reason());
    assertEquals("opt_out.robots_directive", f.apply(at("https://ok.example/"), "noai").reason());
    assertNull(f.apply(at("https://ok.example/"), "index").reason());
  }

  @Test
  void missingListIsAnError() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                new OptOut(
                    new OptOutConfig(List.of("/no/such/optout.txt"), List.of(), List.of("noai"))));
    assertTrue(e.getMessage().contains("/no/such/optout.txt"));
  }
}

package org.lmforge.dataprep.lang;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.lmforge.config.Records;
import org.lmforge.dataprep.SharedData;
import org.lmforge.dataprep.ingest.IngestConfig;
import org.lmforge.dataprep.sample.EuroparlCorpus;

class LanguageIdentifierTest {
  private final LanguageIdentifier id = new LanguageIdentifier(List.of(), true, 300);

  @Test
  void europarlIsItsTwentyOneLanguages() {
    Map<String, Integer> counts = new TreeMap<>();
    for (EuroparlCorpus.Debate d : EuroparlCorpus.read(600)) {
      LanguageGuess g = id.identify(d.body());
      counts.merge(g.code(), 1, Integer::sum);
      assertTrue(g.confidence() > 0 && g.confidence() <= 1, g.toString());
    }
    Set<String> europarl =
        Set.of(
            "bg", "cs", "da", "de", "el", "en", "es", "et", "fi", "fr", "hu", "it", "lt", "lv",
            "nl", "pl", "pt", "ro", "sk", "sl", "sv");
    assertTrue(counts.keySet().containsAll(europarl), counts.toString());
    int other =
        counts.entrySet().stream()
            .filter(e -> !europarl.contains(e.getKey()))
            .mapToInt(Map.Entry::getValue)
            .sum();
    assertTrue(other <= 6, "at most 1% of 600 debates outside Europarl's languages: " + counts);
  }

  @Test
  void shakespeareIsEnglish() throws Exception {
    Path f = SharedData.require("tinyshakespeare", "input.txt");
    String text = Files.readString(f);
    int english = 0;
    int n = 0;
    for (int at = 0; at + 2000 < text.length() && n < 100; at += 11_000, n++) {
      english += id.identify(text.substring(at, at + 2000)).code().equals("en") ? 1 : 0;
    }
    assertTrue(english >= 0.95 * n, english + " of " + n);
  }

  @Test
  void emptyTextIsUnknownAndBadCodesAreNamed() {
    assertEquals(LanguageGuess.UNKNOWN, id.identify("   ").code());
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> new LanguageIdentifier(List.of("en", "xx"), true, 300));
    assertTrue(e.getMessage().contains("'xx'"), e.getMessage());
  }

  /**
   * The clean job's allow-list is compared with the detector's lower-case codes: "EN" is read as
   * en, and a word or a code Lingua never gives is refused (it dropped every page as
   * language.not_allowed).
   */
  @Test
  void theIngestAllowListIsCheckedAndLowerCased() {
    IngestConfig d = IngestConfig.defaults();
    assertEquals(
        List.of("en", "de"), Records.with(d, "languages", List.of("EN", " de ")).languages());
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> Records.with(d, "languages", List.of("en", "english")));
    assertTrue(e.getMessage().contains("'english'"), e.getMessage());
  }
}

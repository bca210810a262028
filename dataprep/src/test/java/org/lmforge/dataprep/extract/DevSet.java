package org.lmforge.dataprep.extract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.lmforge.dataprep.SharedData;

/**
 * The extraction dev set in {@code shared/data/extraction-dev} (trafilatura's evaluation pages):
 * for each page, snippets that must be in the output ({@code with}) and snippets that must not
 * ({@code without}).
 */
public final class DevSet {
  public record Page(String url, String file, List<String> with, List<String> without, Path html) {
    /** Held-out part: one page in five by a fixed hash of the file name, never used for tuning. */
    public boolean heldOut() {
      return Math.floorMod(file.hashCode(), 5) == 0;
    }

    public String readHtml() {
      try (InputStream in = new GZIPInputStream(Files.newInputStream(html))) {
        return org.lmforge.dataprep.warc.PageDecoder.decodeText(in.readAllBytes());
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + html, e);
      }
    }
  }

  private DevSet() {}

  public static Path dir() {
    return SharedData.path("extraction-dev");
  }

  public static boolean available() {
    return Files.isRegularFile(dir().resolve("evaldata.json"));
  }

  /** Pages in the file's order (the JSON object's key order). */
  public static List<Page> load() throws IOException {
    Path d = dir();
    JsonNode root = new ObjectMapper().readTree(d.resolve("evaldata.json").toFile());
    List<Page> pages = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      JsonNode v = e.getValue();
      String file = v.get("file").asText();
      pages.add(
          new Page(
              e.getKey(),
              file,
              strings(v.get("with")),
              strings(v.get("without")),
              d.resolve("html").resolve(file + ".gz")));
    }
    return pages;
  }

  private static List<String> strings(JsonNode arr) {
    List<String> out = new ArrayList<>();
    if (arr != null) arr.forEach(n -> out.add(n.asText()));
    return out;
  }
}

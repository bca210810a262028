package org.lmforge.dataprep.extract;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * Batch mode for {@code bin/pipeline extract-html --input DIR --output FILE.jsonl}: extracts every
 * {@code *.html} and {@code *.html.gz} under a directory (recursively, sorted by path) and writes
 * one JSON line per file: {@code {"file": "<path under DIR>", "text": "<main text>"}}. A file that
 * cannot be read (a {@code .gz} that is not gzip, a truncated one) is skipped and named in the
 * result, as the clean job quarantines a bad record: one bad page does not cost the others.
 */
public final class HtmlDirExtractor {
  private HtmlDirExtractor() {}

  /**
   * What a run did.
   *
   * @param written JSON lines written, one per page read
   * @param skipped each file not read, as "{@code path under DIR}: why"
   */
  public record Result(int written, List<String> skipped) {}

  public static Result run(Path inputDir, Path outputJsonl) throws IOException {
    if (!Files.isDirectory(inputDir)) {
      throw new IOException(
          "input is not a directory: "
              + inputDir
              + " (pass a folder holding *.html or *.html.gz files)");
    }
    List<Path> files;
    try (Stream<Path> walk = Files.walk(inputDir)) {
      files = walk.filter(Files::isRegularFile).filter(HtmlDirExtractor::isHtml).sorted().toList();
    }
    MainTextExtractor extractor = new MainTextExtractor();
    ObjectMapper json = new ObjectMapper();
    Path parent = outputJsonl.toAbsolutePath().getParent();
    if (parent != null) Files.createDirectories(parent);
    int written = 0;
    List<String> skipped = new ArrayList<>();
    try (Writer out =
        new BufferedWriter(Files.newBufferedWriter(outputJsonl, StandardCharsets.UTF_8))) {
      for (Path f : files) {
        // the path under DIR, '/'-separated: pages of the same name in two folders stay apart
        String name =
            inputDir.relativize(f).toString().replace(f.getFileSystem().getSeparator(), "/");
        String html;
        try {
          html = org.lmforge.dataprep.warc.PageDecoder.decodeText(readBytes(f));
        } catch (IOException e) {
          skipped.add(name + ": " + e.getMessage());
          continue;
        }
        Extraction ex = extractor.extract(html, null);
        ObjectNode line = json.createObjectNode();
        line.put("file", name);
        line.put("text", ex.text());
        out.write(json.writeValueAsString(line));
        out.write('\n');
        written++;
      }
    }
    return new Result(written, List.copyOf(skipped));
  }

  private static boolean isHtml(Path p) {
    String n = p.getFileName().toString();
    return n.endsWith(".html") || n.endsWith(".html.gz");
  }

  private static byte[] readBytes(Path f) throws IOException {
    if (!f.getFileName().toString().endsWith(".gz")) return Files.readAllBytes(f);
    try (InputStream in = new GZIPInputStream(Files.newInputStream(f))) {
      return in.readAllBytes();
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }
}

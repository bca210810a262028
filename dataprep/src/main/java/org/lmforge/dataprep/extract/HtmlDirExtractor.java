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
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * Batch mode for {@code bin/pipeline extract-html --input DIR --output FILE.jsonl}: extracts every
 * {@code *.html} and {@code *.html.gz} under a directory (recursively, sorted by path) and writes
 * one JSON line per file: {@code {"file": "<name without directory>", "text": "<main text>"}}.
 */
public final class HtmlDirExtractor {
  private HtmlDirExtractor() {}

  /** Returns the number of lines written. */
  public static int run(Path inputDir, Path outputJsonl) throws IOException {
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
    try (Writer out =
        new BufferedWriter(Files.newBufferedWriter(outputJsonl, StandardCharsets.UTF_8))) {
      for (Path f : files) {
        String html;
        try {
          html = org.lmforge.dataprep.warc.PageDecoder.decodeText(readBytes(f));
        } catch (IOException e) {
          throw new IOException(
              "cannot read "
                  + f
                  + ": "
                  + e.getMessage()
                  + " (a .gz file must be gzip-compressed; re-compress or remove it)",
              e);
        }
        Extraction ex = extractor.extract(html, null);
        ObjectNode line = json.createObjectNode();
        line.put("file", f.getFileName().toString());
        line.put("text", ex.text());
        out.write(json.writeValueAsString(line));
        out.write('\n');
        written++;
      }
    }
    return written;
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

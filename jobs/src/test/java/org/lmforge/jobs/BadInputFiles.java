package org.lmforge.jobs;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lmforge.dataprep.SharedData;
import org.lmforge.dataprep.tokenize.ShardManifest;
import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.WarcCompression;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcWriter;

/** Writes the wrong inputs of {@link BadInputTest} that are not made by Spark. */
final class BadInputFiles {
  private BadInputFiles() {}

  /** 20 kB of Shakespeare from ../shared/data, else text made here. */
  /** A copy of the directory tree {@code from} at {@code to} (hidden files such as .crc too). */
  static Path copyTree(Path from, Path to) throws IOException {
    try (var files = Files.walk(from)) {
      for (Path f : files.toList()) {
        Path target = to.resolve(from.relativize(f).toString());
        if (Files.isDirectory(f)) Files.createDirectories(target);
        else Files.copy(f, target);
      }
    }
    return to;
  }

  static String realText() throws IOException {
    Path p = SharedData.path("tinyshakespeare", "input.txt");
    if (Files.isRegularFile(p)) {
      String s = Files.readString(p, StandardCharsets.UTF_8);
      return s.substring(0, Math.min(s.length(), 20_000));
    }
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < 300; i++) {
      b.append("Line ").append(i).append(": the committee met again and agreed on the budget.\n");
    }
    return b.toString();
  }

  /**
   * One real response record written by jwarc, cut short: its Content-Length claims more than the
   * file has.
   */
  static Path truncatedWarc(Path file) throws IOException {
    byte[] body =
        ("<html><body><p>" + realText().substring(0, 2000) + "</p></body></html>")
            .getBytes(StandardCharsets.UTF_8);
    HttpResponse http =
        new HttpResponse.Builder(200, "OK").body(MediaType.parse("text/html"), body).build();
    try (WarcWriter w =
        new WarcWriter(
            Files.newByteChannel(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE),
            WarcCompression.NONE)) {
      w.write(
          new WarcResponse.Builder(URI.create("https://news.example/story"))
              .date(Instant.parse("2024-05-01T10:00:00Z"))
              .body(http)
              .build());
    }
    byte[] all = Files.readAllBytes(file);
    Files.write(file, Arrays.copyOf(all, all.length - 1000));
    return file;
  }

  /** The layout of a finished tokenize output: manifest.json, tokenizer/, one shard per split. */
  static Path tokenizeOutput(Path dir) throws IOException {
    Files.createDirectories(dir.resolve("tokenizer"));
    Files.writeString(dir.resolve("tokenizer/vocab.json"), "{\"a\": "); // not parsed by the checks
    Files.writeString(dir.resolve("tokenizer/merges.txt"), "#version: 0.2\n");
    List<String> splits = List.of("train", "validation");
    Map<String, ShardManifest.Split> m = new LinkedHashMap<>();
    for (String s : splits) {
      String rel = s + "/part-00000-0000.tok";
      Files.createDirectories(dir.resolve(s));
      Files.write(dir.resolve(rel), new byte[64]);
      m.put(s, ShardManifest.Split.of(List.of(new ShardManifest.Shard(rel, 10, 40, 1))));
    }
    try (OutputStream o = Files.newOutputStream(dir.resolve("manifest.json"))) {
      new ShardManifest("test-bpe-000000000000", "00", 300, 299, m).write(o);
    }
    // as the job leaves it: a stats.json (as a clean output has too) and the completion marker
    Files.writeString(dir.resolve("stats.json"), "{\"documents\": 2}");
    Files.writeString(dir.resolve("_COMPLETE"), "");
    return dir;
  }
}

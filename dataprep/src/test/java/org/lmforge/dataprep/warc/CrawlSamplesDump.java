package org.lmforge.dataprep.warc;

import java.nio.file.*;
import java.util.*;
import java.util.stream.*;

/** Prints what the reader makes of every file under a directory (a look at real files, not a test). */
public final class CrawlSamplesDump {
  public static void main(String[] args) throws Exception {
    List<Path> files;
    try (Stream<Path> s = Files.walk(Path.of(args[0]))) {
      files = s.filter(Files::isRegularFile).filter(p -> !p.toString().endsWith(".md") && !p.toString().endsWith(".tsv")).sorted().toList();
    }
    for (Path f : files) {
      Map<String, Integer> counts = new TreeMap<>();
      List<String> bad = new ArrayList<>();
      for (CrawlItem it : CrawlFileReader.readAll(CrawlSource.of(f), 8 << 20)) {
        String k = it.kind() + (it.reason() == null ? "" : ":" + it.reason());
        counts.merge(k, 1, Integer::sum);
        if (it.kind() == CrawlItem.Kind.MALFORMED) bad.add(it.offset() + " " + it.reason() + " " + it.detail());
      }
      System.out.println(f.getFileName() + " " + counts);
      bad.forEach(b -> System.out.println("    " + b));
    }
  }
}

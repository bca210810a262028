package org.lmforge.dataprep.filter;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.zip.GZIPInputStream;

/**
 * Reads the user's word lists and blocklists: UTF-8, one entry per line, ".gz" decompressed, blank
 * lines skipped. A configured path that does not exist is an error naming the config key and the
 * path, never a silent no-op. {@link #cached} keeps one parsed copy per JVM so each Spark task
 * builds its chain cheaply.
 */
public final class ListFiles {
  private ListFiles() {}

  private static final Map<String, Object> CACHE = new ConcurrentHashMap<>();

  /**
   * Checks that {@code path} exists; {@code key} is the config key it came from, for the message.
   */
  public static Path require(String key, String path) {
    if (path == null || path.isBlank()) {
      throw new IllegalArgumentException(key + " is empty: set it to an existing file or folder");
    }
    Path p = Path.of(path);
    if (!Files.exists(p)) {
      throw badPath(
          key,
          "no such file or folder",
          p,
          "fix the path or remove the filter from clean.filters.enabled");
    }
    return p;
  }

  /** {@link #require} for a folder; {@code fix} says what the folder should hold. */
  public static Path requireFolder(String key, String path, String fix) {
    Path dir = require(key, path);
    if (!Files.isDirectory(dir)) throw badPath(key, "not a folder", dir, fix);
    return dir;
  }

  private static IllegalArgumentException badPath(String key, String problem, Path p, String fix) {
    return new IllegalArgumentException(
        key + ": " + problem + ": " + p.toAbsolutePath() + " (" + fix + ")");
  }

  /** Non-blank lines of the file, stripped; a trailing '\r' and a UTF-8 BOM are removed. */
  public static List<String> lines(String key, Path file) {
    try (InputStream raw = Files.newInputStream(file);
        InputStream in = file.toString().endsWith(".gz") ? new GZIPInputStream(raw, 1 << 16) : raw;
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      List<String> out = new ArrayList<>();
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        if (out.isEmpty() && !line.isEmpty() && line.charAt(0) == '\uFEFF')
          line = line.substring(1);
        String s = line.strip();
        if (!s.isEmpty()) out.add(s);
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(
          key + ": cannot read " + file.toAbsolutePath() + ": " + e.getMessage(), e);
    }
  }

  /**
   * Where the bundled lists are in the jar (each list folder has a SOURCE.md with source and
   * licence).
   */
  public static final String BUNDLED = "/org/lmforge/dataprep/filter/lists/";

  /**
   * Non-blank lines of a bundled list, read like {@link #lines}; {@code name} is relative to {@link
   * #BUNDLED}.
   */
  public static List<String> bundledLines(String name) {
    InputStream in = ListFiles.class.getResourceAsStream(BUNDLED + name);
    if (in == null)
      throw new IllegalStateException("bundled list missing from the jar: " + BUNDLED + name);
    try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      List<String> out = new ArrayList<>();
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        String t = line.strip();
        if (!t.isEmpty()) out.add(t);
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read bundled list " + name, e);
    }
  }

  /** One parsed value per (kind, path) per JVM. */
  @SuppressWarnings("unchecked")
  public static <T> T cached(String kind, String path, Function<String, T> load) {
    return (T) CACHE.computeIfAbsent(kind + "\u0000" + path, k -> load.apply(path));
  }
}

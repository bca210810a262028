package org.lmforge.pipeline.job;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.lmforge.pipeline.io.AtomicFile;
import org.lmforge.pipeline.io.Json;

/**
 * The settings an output was made with, kept beside it ({@value #FILE}, written by the {@link
 * Chain} once the job has run), so that a chain re-run with other settings redoes that output
 * instead of keeping it: {@code all} re-run with another {@code --input} kept the old corpus and
 * said only "complete, kept". Whether to overwrite is not a setting of what is made, so {@code
 * overwrite} and {@code resume} are left out. An output without the file (written before it
 * existed, or the job was killed between its commit and this write) is kept as before.
 */
public final class RecordedSettings {
  private RecordedSettings() {}

  public static final String FILE = "_SETTINGS.json";

  private static final List<String> NOT_SETTINGS = List.of("overwrite", "resume");

  /** One setting that differs: its dotted key and the two values (null where absent). */
  public record Change(String key, JsonNode was, JsonNode now) {
    @Override
    public String toString() {
      return key + " " + was + " -> " + now;
    }
  }

  /** {@code changes} as one line, "key old -> new" each, comma-separated. */
  public static String render(List<Change> changes) {
    return String.join(", ", changes.stream().map(Change::toString).toList());
  }

  /** Writes what {@code job} made its output with; nothing for a job that records none. */
  public static void write(Job<?> job, Configuration hadoop) throws IOException {
    Object settings = job.settings();
    if (settings == null) return;
    Path file = new Path(job.output(), FILE);
    byte[] json = Json.PRETTY.writeValueAsBytes(settings);
    AtomicFile.write(file.getFileSystem(hadoop), file, json);
  }

  /**
   * The settings that differ between {@code job} and its complete output, as {@code clean.inputs};
   * empty when they are the same, or when either side records none.
   */
  public static List<String> changed(Job<?> job, Configuration hadoop) throws IOException {
    Object settings = job.settings();
    if (settings == null) return List.of();
    Path file = new Path(job.output(), FILE);
    FileSystem fs = file.getFileSystem(hadoop);
    if (!fs.isFile(file)) return List.of();
    JsonNode recorded;
    try (InputStream in = fs.open(file)) {
      recorded = Json.PRETTY.readTree(in);
    } catch (IOException e) {
      return List.of(); // unreadable: as if absent (the output is kept, as before the file)
    }
    return differences(job.name(), recorded, tree(settings), NOT_SETTINGS).stream()
        .map(Change::key)
        .toList();
  }

  /**
   * {@code settings} as a tree that compares with one read from a file: through the same bytes,
   * since a tree built from the objects holds a long 42 as a LongNode and the parsed file an
   * IntNode, which differ.
   */
  public static JsonNode tree(Object settings) throws IOException {
    return Json.PRETTY.readTree(Json.PRETTY.writeValueAsBytes(settings));
  }

  /**
   * The leaves of {@code was} and {@code now} that differ, by dotted key under {@code prefix} (a
   * list is one leaf); top-level keys in {@code ignored} are left out. Both trees must have been
   * read the same way ({@link #tree}).
   */
  public static List<Change> differences(
      String prefix, JsonNode was, JsonNode now, Collection<String> ignored) {
    Map<String, JsonNode> a = flatten(prefix, without(was, ignored));
    Map<String, JsonNode> b = flatten(prefix, without(now, ignored));
    TreeSet<String> keys = new TreeSet<>(a.keySet());
    keys.addAll(b.keySet());
    List<Change> changes = new ArrayList<>();
    for (String key : keys) {
      if (!Objects.equals(a.get(key), b.get(key))) {
        changes.add(new Change(key, a.get(key), b.get(key)));
      }
    }
    return changes;
  }

  private static JsonNode without(JsonNode t, Collection<String> keys) {
    if (!(t instanceof ObjectNode o)) return t;
    ObjectNode copy = o.deepCopy();
    copy.remove(keys);
    return copy;
  }

  private static Map<String, JsonNode> flatten(String prefix, JsonNode node) {
    Map<String, JsonNode> out = new TreeMap<>();
    if (node.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        out.putAll(flatten(prefix + "." + e.getKey(), e.getValue()));
      }
    } else {
      out.put(prefix, node);
    }
    return out;
  }
}

package org.lmforge.pipeline.job;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.lmforge.pipeline.Json;
import org.lmforge.pipeline.io.AtomicFile;

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

  /** Writes what {@code job} made its output with; nothing for a job that records none. */
  public static void write(Job<?> job, Configuration hadoop) throws IOException {
    Object settings = job.settings();
    if (settings == null) return;
    Path file = new Path(job.output(), FILE);
    byte[] json = Json.PRETTY.writeValueAsBytes(tree(settings));
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
    Map<String, JsonNode> was = flatten(job.name(), recorded);
    Map<String, JsonNode> now = flatten(job.name(), tree(settings));
    List<String> changed = new ArrayList<>();
    for (String key : union(was, now)) {
      if (!java.util.Objects.equals(was.get(key), now.get(key))) changed.add(key);
    }
    return changed;
  }

  /**
   * The settings as they read back from the file: through the same bytes, since a tree built from
   * the objects holds a long 42 as a LongNode and the parsed file as an IntNode, which differ.
   */
  private static JsonNode tree(Object settings) throws IOException {
    JsonNode t = Json.PRETTY.valueToTree(settings);
    if (t instanceof ObjectNode o) o.remove(NOT_SETTINGS);
    return Json.PRETTY.readTree(Json.PRETTY.writeValueAsBytes(t));
  }

  /** Leaves by dotted path ({@code clean.filters.c4.minWords}); a list is one leaf. */
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

  private static List<String> union(Map<String, JsonNode> a, Map<String, JsonNode> b) {
    TreeMap<String, Boolean> keys = new TreeMap<>();
    a.keySet().forEach(k -> keys.put(k, true));
    b.keySet().forEach(k -> keys.put(k, true));
    return new ArrayList<>(keys.keySet());
  }
}

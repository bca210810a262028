package org.lmforge.model.checkpoint;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.lmforge.model.gpt.GptConfig;
import org.lmforge.model.train.AdamW;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Everything needed to continue a run exactly: model config, flat parameters, AdamW moments and
 * update count, step, data position (next global sample row) and the seed from which all randomness
 * (data windows, dropout) is derived per step — so (seed, step) is the complete RNG state. Stored
 * as one zip: meta.json, params.bin, adam_m.bin, adam_v.bin (ND4J binary arrays).
 */
public record Checkpoint(
    GptConfig config, INDArray params, AdamW.State optimizer, long step, long dataRow, long seed) {
  public static final int FORMAT = 1;
  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * What the parameters are shaped by: every component of {@link GptConfig} but the dropout, which
   * shapes none (a run may go on from a checkpoint with another).
   */
  private static final List<RecordComponent> ARCHITECTURE =
      Arrays.stream(GptConfig.class.getRecordComponents())
          .filter(c -> !c.getName().equals("dropout"))
          .toList();

  /**
   * True for a GptConfig component that is part of the architecture a checkpoint must match
   * (dropout is not: it may change when a run resumes).
   */
  public static boolean isArchitecture(String component) {
    return ARCHITECTURE.stream().anyMatch(c -> c.getName().equals(component));
  }

  public void write(CheckpointStore store, String name) throws IOException {
    store.write(
        name,
        out -> {
          ZipOutputStream zip = new ZipOutputStream(out);
          ObjectNode meta = JSON.createObjectNode();
          meta.put("format", FORMAT);
          meta.set("config", JSON.valueToTree(config));
          meta.put("step", step);
          meta.put("data_row", dataRow);
          meta.put("seed", seed);
          meta.put("adam_t", optimizer.t());
          entry(zip, "meta.json", JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(meta));
          entry(zip, "params.bin", bytes(params));
          entry(zip, "adam_m.bin", bytes(optimizer.m()));
          entry(zip, "adam_v.bin", bytes(optimizer.v()));
          zip.finish();
        });
  }

  public static Checkpoint read(CheckpointStore store, String name) throws IOException {
    JsonNode meta = null;
    INDArray p = null, m = null, v = null;
    try (InputStream in = store.open(name);
        ZipInputStream zip = new ZipInputStream(in)) {
      for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
        switch (e.getName()) {
          case "meta.json" -> meta = JSON.readTree(zip.readAllBytes());
          case "params.bin" -> p = array(zip);
          case "adam_m.bin" -> m = array(zip);
          case "adam_v.bin" -> v = array(zip);
          default -> {}
        }
      }
    }
    if (meta == null || p == null || m == null || v == null)
      throw new IOException(
          store.describe(name)
              + " is not a complete lmforge checkpoint (needs meta.json, "
              + "params.bin, adam_m.bin, adam_v.bin)");
    if (meta.path("format").asInt() != FORMAT)
      throw new IOException(
          store.describe(name)
              + " has checkpoint format "
              + meta.path("format")
              + ", expected "
              + FORMAT);
    GptConfig c = JSON.treeToValue(meta.get("config"), GptConfig.class);
    return new Checkpoint(
        c,
        p,
        new AdamW.State(m, v, meta.get("adam_t").asLong()),
        meta.get("step").asLong(),
        meta.get("data_row").asLong(),
        meta.get("seed").asLong());
  }

  /**
   * ND4J's reader wraps what its stream throws in RuntimeExceptions; the store's own IOException (a
   * file shorter than written, a checksum that no longer matches) is unwrapped so callers can say
   * which.
   */
  private static INDArray array(InputStream in) throws IOException {
    try {
      return Nd4j.read(new DataInputStream(in));
    } catch (RuntimeException e) {
      for (Throwable c = e; c != null; c = c.getCause()) {
        if (c instanceof IOException io) throw io;
      }
      throw e;
    }
  }

  /** Throws naming every field where this checkpoint's architecture differs from expected. */
  public void requireArchitecture(GptConfig expected, String where) {
    List<String> diffs = new ArrayList<>();
    for (RecordComponent c : ARCHITECTURE) {
      Object have = component(c, config), want = component(c, expected);
      if (!have.equals(want)) diffs.add(c.getName() + " " + have + " vs " + want);
    }
    if (!diffs.isEmpty())
      throw new IllegalArgumentException(
          "checkpoint "
              + where
              + " has another architecture (checkpoint vs model): "
              + String.join(", ", diffs)
              + ". Build the model from the checkpoint's config: "
              + config);
  }

  private static Object component(RecordComponent c, GptConfig config) {
    try {
      return c.getAccessor().invoke(config);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot read GptConfig." + c.getName(), e);
    }
  }

  private static void entry(ZipOutputStream zip, String name, byte[] data) throws IOException {
    zip.putNextEntry(new ZipEntry(name));
    zip.write(data);
    zip.closeEntry();
  }

  private static byte[] bytes(INDArray a) throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    try (DataOutputStream d = new DataOutputStream(b)) {
      Nd4j.write(a.dup(), d);
    }
    return b.toByteArray();
  }
}

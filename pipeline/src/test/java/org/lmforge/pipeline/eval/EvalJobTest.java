package org.lmforge.pipeline.eval;

import static java.nio.file.StandardCopyOption.REPLACE_EXISTING;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.lmforge.dataprep.tokenize.BpeTokenizer;
import org.lmforge.model.generate.KvCacheDecoder;
import org.lmforge.model.gpt.Gpt;
import org.lmforge.pipeline.LocalSpark;
import org.lmforge.pipeline.job.Progress;
import org.lmforge.pipeline.job.UserError;
import org.lmforge.pipeline.train.RunCheckpoint;
import org.lmforge.pipeline.train.TinyRun;
import org.nd4j.linalg.api.buffer.DataType;

/** {@code pipeline eval} on a tiny run trained on real Europarl shards ({@link TinyRun}). */
class EvalJobTest {
  @RegisterExtension static final LocalSpark SPARK = new LocalSpark("eval-job-test");

  /** Tao Te Ching, chapters 1 and 2: a script the run's Europarl BPE never saw. */
  static final String CHINESE =
      "道可道，非常道。名可名，非常名。無名天地之始；有名萬物之母。故常無欲，以觀其妙；常有欲，以觀其徼。"
          + "此兩者，同出而異名，同謂之玄。玄之又玄，眾妙之門。天下皆知美之為美，斯惡已。皆知善之為善，斯不善已。故有無相生，"
          + "難易相成，長短相較，高下相傾，音聲相和，前後相隨。";

  static TinyRun tiny;

  @BeforeAll
  static void train() throws IOException {
    tiny = TinyRun.get(SPARK.session());
  }

  static EvalJob.Result eval(String input, Long maxTokens, boolean force) throws IOException {
    EvalJob job = new EvalJob(new EvalConfig(tiny.run(), null, input, maxTokens, force));
    job.check(SPARK.session().sparkContext().hadoopConfiguration());
    return job.run(job.needsSpark() ? SPARK.session() : null, Progress.quiet());
  }

  @Test
  void evalOfTheRunsValidationSplitEqualsItsFinalValidationLoss() throws IOException {
    EvalJob.Result split = eval(tiny.tokens() + "/validation", null, false);
    assertEquals(tiny.summary().get("finalValLoss").asDouble(), split.loss(), 1e-4);
    assertEquals(1024, split.tokens(), "the run's evalTokens: 64 windows of 16");
    assertEquals("shards", split.kind());
    EvalJob.Result root = eval(tiny.tokens(), null, false); // a tokenize output: validation
    assertEquals(split.loss(), root.loss(), 0.0);
    // the run's bits per byte uses the split's mean bytes per token, eval the exact bytes of the
    // tokens scored
    assertEquals(
        tiny.summary().get("bitsPerByte").asDouble(),
        split.bitsPerByte(),
        0.15 * split.bitsPerByte());
  }

  /**
   * Shards copied into a directory of their own, beside a file whose name holds a ':' (which
   * Hadoop's glob cannot parse: the listing threw URISyntaxException, exit 1), score as the split.
   */
  @Test
  void shardsInADirectoryOfTheirOwnAreReadBesideANameWithAColon() throws IOException {
    Path copy = Files.createDirectories(tiny.dir().resolve("shards-copy"));
    try (Stream<Path> files = Files.list(Path.of(URI.create(tiny.tokens() + "/validation")))) {
      for (Path f : files.toList())
        Files.copy(f, copy.resolve(f.getFileName().toString()), REPLACE_EXISTING);
    }
    Files.writeString(copy.resolve("notes:2024.txt"), "where these shards came from");
    EvalJob.Result split = eval(tiny.tokens() + "/validation", null, false);
    EvalJob.Result copied = eval(copy.toString(), null, false);
    assertEquals("shards", copied.kind());
    assertEquals(split.tokens(), copied.tokens());
    assertEquals(split.loss(), copied.loss(), 0.0);
  }

  @Test
  void aTextIsScoredAsOneDocumentInTheRunsWindows() throws IOException {
    String text = TinyRun.heldOutText();
    EvalJob.Result r = eval(tiny.write("held-out.txt", text), EvalConfig.ALL, false);

    // the reference: every window's predictions by the KV-cache decoder (its own forward code, in
    // float64)
    RunCheckpoint rc =
        RunCheckpoint.open(tiny.run(), null, SPARK.session().sparkContext().hadoopConfiguration());
    BpeTokenizer tok = rc.tokenizer();
    int[] body = tok.encode(text);
    int[] t = new int[body.length + 1];
    t[0] = tok.endOfTextId(); // as the tokenize job writes a document
    System.arraycopy(body, 0, t, 1, body.length);
    int ctx = TinyRun.CONTEXT;
    int windows = (t.length - 1) / ctx;
    Gpt model = rc.model(DataType.DOUBLE);
    double sum = 0;
    for (int w = 0; w < windows; w++) {
      KvCacheDecoder dec = new KvCacheDecoder(model);
      for (int j = 0; j < ctx; j++) sum -= dec.next(t[w * ctx + j])[t[w * ctx + j + 1]];
    }
    assertEquals((long) windows * ctx, r.tokens());
    assertEquals(sum / (windows * ctx), r.loss(), 1e-4);
    assertEquals(Math.exp(r.loss()), r.perplexity(), 1e-9);
    long bytes = tok.decodeBytes(Arrays.copyOfRange(t, 1, windows * ctx + 1)).length;
    assertEquals(bytes, r.bytes());
    assertEquals(sum / (Math.log(2) * bytes), r.bitsPerByte(), 1e-4);
    assertTrue(r.loss() < Math.log(320) - 1, "the run learnt Europarl: " + r.loss());

    EvalJob.Result first = eval(tiny.write("held-out-again.txt", text), 100L, false);
    assertEquals(96, first.tokens(), "--max-tokens 100: 6 whole windows of 16");
  }

  @Test
  void parquetAndTextOfTheSameDocumentScoreTheSame() throws IOException {
    String text = TinyRun.heldOutText();
    String parquet = tiny.dir().resolve("held-out.parquet").toUri().toString();
    SPARK
        .session()
        .createDataFrame(
            List.of(RowFactory.create("d1", text), RowFactory.create("d2", "  ")),
            new StructType().add("id", DataTypes.StringType).add("text", DataTypes.StringType))
        .coalesce(1)
        .write()
        .parquet(parquet);
    EvalJob.Result p = eval(parquet, EvalConfig.ALL, false);
    EvalJob.Result t = eval(tiny.write("held-out-3.txt", text), EvalConfig.ALL, false);
    assertEquals("parquet", p.kind());
    assertEquals(t.inputTokens(), p.inputTokens(), "a blank row is no document");
    assertEquals(t.loss(), p.loss(), 0.0);
    assertEquals(t.bitsPerByte(), p.bitsPerByte(), 0.0);
  }

  /** A Parquet "text" column of numbers is named (it was a ClassCastException with exit 1). */
  @Test
  void aParquetTextColumnThatIsNotTextIsRefused() {
    String parquet = tiny.dir().resolve("numbers.parquet").toUri().toString();
    SPARK.session().sql("select 'd1' as id, 7 as text").coalesce(1).write().parquet(parquet);
    UserError e = assertThrows(UserError.class, () -> eval(parquet, EvalConfig.ALL, false));
    assertTrue(
        e.getMessage().contains("the eval input's column \"text\" is int, not string, in"),
        e.getMessage());
  }

  /**
   * Parquet with another file beside it (a sweep's directory holds runs.parquet and JSON) is named:
   * Spark read the JSON as Parquet and failed inside a task (exit 1).
   */
  @Test
  void parquetWithAnotherFileBesideItIsRefused() throws IOException {
    Path dir = tiny.dir().resolve("docs-and-notes");
    SPARK
        .session()
        .sql("select 'd1' as id, 'The sitting is open.' as text")
        .coalesce(1)
        .write()
        .parquet(dir.toUri().toString());
    Files.writeString(dir.resolve("notes.json"), "{\"about\": \"the corpus\"}");
    UserError e = assertThrows(UserError.class, () -> eval(dir.toString(), EvalConfig.ALL, false));
    assertTrue(
        e.getMessage().contains("holds files that are not Parquet (")
            && e.getMessage().contains("notes.json is "),
        e.getMessage());
  }

  @Test
  void aTextShorterThanOneWindowIsRefused() throws IOException {
    UserError e =
        assertThrows(
            UserError.class,
            () -> eval(tiny.write("short.txt", "The sitting is open."), EvalConfig.ALL, false));
    assertTrue(
        e.getMessage().contains("encodes to") && e.getMessage().contains("contextLength + 1 = 17"),
        e.getMessage());
  }

  @Test
  void aTextInAScriptTheTokenizerNeverLearntIsRefusedUnlessForced() throws IOException {
    String file = tiny.write("chinese.txt", CHINESE);
    UserError e = assertThrows(UserError.class, () -> eval(file, EvalConfig.ALL, false));
    assertTrue(
        e.getMessage().contains("merged tokens") && e.getMessage().contains("--force"),
        e.getMessage());
    EvalJob.Result forced = eval(file, EvalConfig.ALL, true);
    assertTrue(forced.forced());
    assertTrue(
        forced.coverage().mergedShare()
            < TokenizerCoverage.MIN_RATIO * forced.reference().mergedShare());
    EvalJob.Result english =
        eval(tiny.write("held-out-4.txt", TinyRun.heldOutText()), EvalConfig.ALL, false);
    assertTrue(!english.forced() && english.coverage().fits(english.reference()));
  }
}

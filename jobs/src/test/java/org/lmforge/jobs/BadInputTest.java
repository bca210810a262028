package org.lmforge.jobs;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.SparkException;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lmforge.dataprep.tokenize.BpeTrainer;
import org.lmforge.dataprep.tokenize.BpeTrainerConfig;
import org.lmforge.dataprep.tokenize.TokenizerFiles;
import org.lmforge.pipeline.TestSessions;
import org.lmforge.pipeline.io.AtomicOutput;
import org.lmforge.pipeline.job.UserError;
import org.lmforge.pipeline.report.SweepInputs;
import org.lmforge.pipeline.train.PretrainInputs;

/**
 * Every command fed the wrong kinds of input users really pass: a wrong or unfinished input ends in
 * one line, {@code error: <what> <where>; <fix>}, exit 2 and no output left behind; the clean job
 * quarantines every file that yields nothing and finishes (exit 0) with an empty but complete
 * output. One Spark run (the clean job) for the whole class: every other check happens before a
 * Spark session starts.
 */
class BadInputTest {
  @TempDir static Path tmp;
  static Path text; // real English text (Shakespeare), what a user calls news.txt
  static Path colonText; // the same text under a name with ':', which Hadoop's glob cannot parse
  static Path gzText; // the same, gzipped
  static Path random; // random bytes
  static Path emptyDir;
  static Path liarWarc; // a WARC whose only record claims more bytes than the file holds
  static Path warcDir; // a directory holding only that WARC
  static Path fakeClean; // a clean output's layout with Parquet docs written by Spark
  static Path otherParquet; // Parquet written by Spark outside any clean output
  static Path numberText; // Parquet whose "text" column holds numbers
  static Path tokens; // a tokenize output's layout (manifest, tokenizer, shards)
  static Path cleanOut; // the clean job's output on all the wrong inputs above
  static Outcome clean;

  @BeforeAll
  static void cleanEveryKindOfWrongInput() throws Exception {
    text = tmp.resolve("news.txt");
    Files.writeString(text, BadInputFiles.realText());
    colonText = Files.writeString(tmp.resolve("notes:2024.txt"), BadInputFiles.realText());
    gzText = tmp.resolve("news.txt.gz");
    try (OutputStream o = new GZIPOutputStream(Files.newOutputStream(gzText))) {
      o.write(Files.readAllBytes(text));
    }
    // a zstd-compressed WARC: the frame magic, then the frame (random here: only the start is read)
    byte[] zst = new byte[4_000];
    new Random(11).nextBytes(zst);
    System.arraycopy(new byte[] {0x28, (byte) 0xb5, 0x2f, (byte) 0xfd}, 0, zst, 0, 4);
    Files.write(tmp.resolve("crawl.warc.zst"), zst);
    random = tmp.resolve("random.bin");
    byte[] noise = new byte[20_000];
    new Random(7).nextBytes(noise);
    Files.write(random, noise);
    emptyDir = Files.createDirectories(tmp.resolve("empty-directory"));
    warcDir = Files.createDirectories(tmp.resolve("warcs"));
    liarWarc = BadInputFiles.truncatedWarc(warcDir.resolve("liar.warc"));
    tokens = BadInputFiles.tokenizeOutput(tmp.resolve("tokens"));

    // Parquet written by Spark; the session stays up and the clean job below reuses it (and stops
    // it).
    SparkSession spark = TestSessions.local("bad-input");
    StructType schema =
        new StructType()
            .add("id", DataTypes.StringType)
            .add("url", DataTypes.StringType)
            .add("text", DataTypes.StringType)
            .add("language", DataTypes.StringType);
    List<Row> rows =
        List.of(
            RowFactory.create("<urn:1>", "https://a.example/", "Some kept text.", "en"),
            RowFactory.create("<urn:2>", "https://b.example/", "Un texte gardé.", "fr"));
    fakeClean = tmp.resolve("fake-clean");
    spark
        .createDataFrame(rows, schema)
        .write()
        .partitionBy("language")
        .parquet(fakeClean.resolve("docs").toString());
    Files.writeString(fakeClean.resolve("stats.json"), "{\"documentsOut\": 2}");
    Files.writeString(fakeClean.resolve("_COMPLETE"), "");
    otherParquet = tmp.resolve("table.parquet");
    spark.createDataFrame(rows, schema).coalesce(1).write().parquet(otherParquet.toString());
    numberText = tmp.resolve("numbers.parquet");
    spark.sql("select 'a' as id, 1 as text").coalesce(1).write().parquet(numberText.toString());

    cleanOut = tmp.resolve("clean-out");
    clean =
        run(
            "clean",
            "--master",
            "local[2]",
            "--input",
            text.toString(),
            "--input",
            gzText.toString(),
            "--input",
            colonText.toString(),
            "--input",
            random.toString(),
            "--input",
            tmp.resolve("crawl.warc.zst").toString(),
            "--input",
            emptyDir.toString(),
            "--input",
            liarWarc.toString(),
            "--input",
            fakeClean.resolve("docs").toString(),
            "--input",
            otherParquet.toString(),
            "--output",
            cleanOut.toString());
  }

  // ---- clean
  // ----------------------------------------------------------------------------------------------

  @Test
  void cleanQuarantinesEveryFileThatYieldsNothingAndFinishes() throws IOException {
    assertEquals(0, clean.code(), clean.err() + clean.out());
    assertEquals("", clean.err().strip(), "nothing on stderr from the command");
    assertTrue(Files.exists(cleanOut.resolve("_COMPLETE")), "a complete output");
    assertNoPartialOutput(cleanOut);
    JsonNode stats = new ObjectMapper().readTree(cleanOut.resolve("stats.json").toFile());
    assertEquals(0, stats.get("documentsOut").asLong());
    JsonNode q = stats.get("quarantinedByReason");
    assertEquals(2, q.path("file.plain_text").asLong(), "news.txt and notes:2024.txt: " + q);
    assertEquals(1, q.path("file.gzip_text").asLong(), q.toString());
    assertEquals(2, q.path("file.not_warc").asLong(), "random.bin, crawl.warc.zst: " + q);
    assertEquals(1, q.path("dir.empty").asLong(), q.toString());
    assertEquals(1, q.path("warc.truncated").asLong(), q.toString());
    assertEquals(
        3, q.path("file.parquet").asLong(), "two docs partitions and the other table: " + q);

    // The console says plainly that nothing was kept, why, and per file what it is and the fix.
    String out = clean.out();
    assertTrue(out.contains("nothing kept: no input held a readable crawl record"), out);
    assertTrue(
        line(out, "news.txt @0").contains("file.plain_text: plain text")
            && line(out, "news.txt @0").contains("convert it to WARC/WET"),
        out);
    assertTrue(line(out, "notes:2024.txt @0").contains("file.plain_text: plain text"), out);
    assertTrue(line(out, "news.txt.gz @0").contains("file.gzip_text: gzip-compressed text"), out);
    assertTrue(line(out, "random.bin @0").contains("file.not_warc: binary data"), out);
    assertTrue(
        line(out, "crawl.warc.zst @0")
            .contains(
                "file.not_warc: zstd-compressed (a .warc.zst?), which the clean job does not"
                    + " read; decompress it first (zstd -d"),
        out);
    assertTrue(line(out, "empty-directory @0").contains("dir.empty"), out);
    assertTrue(line(out, "liar.warc @0").contains("warc.truncated"), out);
    assertTrue(
        line(out, "fake-clean/docs/language=en").contains("this is a clean output")
            && line(out, "fake-clean/docs/language=en").contains("did you mean `tokenize --input"),
        out);
    assertTrue(line(out, "table.parquet").contains("file.parquet: a Parquet file"), out);
  }

  @Test
  void cleanInputThatMatchesNoFileIsOneLine() {
    Path out = tmp.resolve("clean-nothing");
    Outcome o =
        run(
            "clean",
            "--input",
            tmp.resolve("no-such-dir/*.warc.gz").toString(),
            "--output",
            out.toString());
    assertUserError(o, "nothing matches", "no-such-dir", "check the path");
    assertNoPartialOutput(out);
    // a misspelt option after --input's values is read as one more input: said so
    Outcome misspelt = run("clean", "--input", text.toString(), "--outptu", out.toString());
    assertUserError(
        misspelt, "nothing matches '--outptu' (clean.inputs)", "it looks like an option");
    assertNoPartialOutput(out);
  }

  /**
   * Another job's output given to clean is refused before Spark starts, naming what it is (the job
   * ran and quarantined every file in it).
   */
  @Test
  void cleanInputThatIsAnotherJobsOutputIsOneLine() {
    Path out = tmp.resolve("clean-of-an-output");
    assertUserError(
        run("clean", "--input", tokens.toString(), "--output", out.toString()),
        "a tokenize output (token shards), not crawl files",
        "--tokens file:" + tokens);
    assertUserError(
        run("clean", "--input", text.toString(), fakeClean.toString(), "--output", out.toString()),
        "a clean output, not crawl files",
        "tokenize --input file:" + fakeClean.resolve("docs"));
    assertUserError(
        run("eval", "--run", tokens.toString(), "--input", text.toString()),
        "it is a tokenize output (token shards), not a pretrain run");
    assertNoPartialOutput(out);
  }

  @Test
  void cleanInputThatIsNotAPathIsOneLine() {
    Path out = tmp.resolve("clean-not-a-path");
    assertUserError(
        run("clean", "--input", "notes:today", "--output", out.toString()),
        "not a path:",
        "'notes:today' (clean.inputs)");
    assertUserError(
        run("clean", "--input", text.toString(), "--output", ""), "not a path:", "(clean.output)");
  }

  /**
   * Hadoop's glob parses every name it meets as a path, and a name with ':' reads as a URI scheme:
   * named exactly, such a file is read (above); a glob that meets one is one line naming the fix.
   */
  @Test
  void aGlobThatMeetsANameWithAColonIsOneLine() {
    Path out = tmp.resolve("clean-colon-glob");
    assertUserError(
        run("clean", "--input", tmp.resolve("*.txt").toString(), "--output", out.toString()),
        "cannot expand the glob",
        "notes:2024.txt",
        "name the file or its directory instead");
    assertNoPartialOutput(out);
  }

  /**
   * A directory holding two Parquet datasets of different layouts (a partitioned docs/ and a plain
   * table): Spark's partition discovery throws an AssertionError, which escaped picocli as an
   * uncaught Error with a stack trace.
   */
  @Test
  void parquetDirectoriesThatConflictAreNamed() throws IOException {
    Path two = Files.createDirectories(tmp.resolve("two-datasets"));
    BadInputFiles.copyTree(fakeClean.resolve("docs"), two.resolve("docs"));
    BadInputFiles.copyTree(otherParquet, two.resolve("table.parquet"));
    Path out = tmp.resolve("tokens-of-two");
    assertUserError(
        tokenize(two, out),
        "the tokenize input is not one Parquet dataset",
        "directories that conflict",
        "two-datasets/docs",
        "point --input at one clean output's docs/");
    assertFalse(Files.exists(out), "nothing written");
  }

  /**
   * A master this launcher's Spark cannot parse (YARN and Kubernetes need Spark modules that a
   * cluster's spark-submit brings): one line pointing at spark-submit, not "failed: SparkException"
   * with exit 1.
   */
  @Test
  void aMasterThisSparkCannotUseIsOneLine() {
    Path out = tmp.resolve("tokens-on-yarn");
    assertUserError(
        tokenize(fakeClean.resolve("docs"), out.toString(), "--master", "yarn"),
        "this Spark cannot use the master 'yarn' (--master)",
        "through your cluster's spark-submit");
    assertUserError(
        tokenize(fakeClean.resolve("docs"), out.toString(), "--master", "local[0]"),
        "this Spark cannot use the master 'local[0]' (--master): Asked to run locally with 0"
            + " threads");
    assertFalse(Files.exists(out), "nothing written");
    assertNoPartialOutput(out);
  }

  /**
   * A remote path whose Hadoop connector is not on the classpath (s3a:// without hadoop-aws, gs://
   * without the GCS connector): the artifact to add, not a ClassNotFoundException with exit 1.
   */
  @Test
  void aFileSystemWithoutItsConnectorIsNamedWithTheArtifactToAdd() {
    assertUserError(
        run("clean", "--input", "s3a://bucket/crawl/a.warc.gz", "--output", tmp + "/never"),
        "no connector for s3a:// paths",
        "S3AFileSystem is not on the classpath",
        "add org.apache.hadoop:hadoop-aws:3.3.4");
    assertUserError(
        tokenize(fakeClean.resolve("docs"), "gs://bucket/tokens"),
        "no connector for gs:// paths",
        "gcs-connector");
  }

  @Test
  void cleanRefusesAnExistingOutput() throws IOException {
    long before = Files.getLastModifiedTime(cleanOut.resolve("stats.json")).toMillis();
    Outcome o = run("clean", "--input", text.toString(), "--output", cleanOut.toString());
    assertUserError(
        o, "the output already exists", cleanOut.getFileName().toString(), "--overwrite");
    assertEquals(
        before,
        Files.getLastModifiedTime(cleanOut.resolve("stats.json")).toMillis(),
        "left untouched");
    assertNoPartialOutput(cleanOut);
  }

  /**
   * An output another running job is writing (its claim renewed a moment ago, from another
   * process): refused with that job named, even with --overwrite, and its directory kept. The same
   * check guards the in-place outputs of pretrain and sweep.
   */
  @Test
  void anOutputAnotherJobIsWritingIsRefused() throws IOException {
    Path busy = tmp.resolve("clean-busy");
    Path staging = Files.createDirectories(tmp.resolve("clean-busy.staging-0abc1234"));
    Files.writeString(staging.resolve("_WRITING"), "process 4242 on node7, started 2026-11-30");
    assertUserError(
        run("clean", "--input", text.toString(), "--output", busy.toString(), "--overwrite"),
        "another job is writing this output:",
        "clean-busy (clean.output)",
        "process 4242 on node7",
        "wait for that job to finish");
    assertTrue(Files.exists(staging.resolve("_WRITING")), "the running job's files are kept");

    Path run = Files.createDirectories(tmp.resolve("run-busy"));
    Files.writeString(run.resolve("_WRITING"), "process 4242 on node7, started 2026-11-30");
    Files.writeString(run.resolve("run.json"), "{}");
    assertUserError(
        outcome(() -> AtomicOutput.inPlace(run.toString(), true, new Configuration())),
        "another job is writing this output:",
        "run-busy");
    assertEquals(List.of("_WRITING", "run.json"), names(run), "not replaced");
  }

  /**
   * An output under a file, or where the file system refuses a directory, is named before any work
   * (it was a FileAlreadyExistsException or "Mkdirs failed" with exit 1).
   */
  @Test
  void anOutputUnderAFileOrWhereNoDirectoryCanBeMadeIsNamed() throws IOException {
    Path notADir = Files.writeString(tmp.resolve("notes-not-a-dir.txt"), "a file");
    assertUserError(
        run("clean", "--input", text.toString(), "--output", notADir.resolve("out").toString()),
        "the output is under a file:",
        "notes-not-a-dir.txt is a file, not a directory");
    assertUserError(
        tokenize(fakeClean.resolve("docs"), notADir.resolve("tokens")),
        "the output is under a file:",
        "(tokenize.output)");
    assertUserError(
        run("sample-warc", "--pages", "3", "--output", notADir.resolve("s.warc.gz").toString()),
        "--output is under a file:",
        "notes-not-a-dir.txt is a file");
    assertUserError(
        outcome(
            () ->
                AtomicOutput.checkPlace(
                    notADir.resolve("run").toString(),
                    List.of(),
                    new Configuration(),
                    "pretrain.output")),
        "the output is under a file:",
        "(pretrain.output)");
    // /proc takes no new directory, whoever asks
    assertUserError(
        outcome(
            () ->
                AtomicOutput.begin(
                    "/proc/lmforge-test-out", false, new Configuration(), "clean.output")),
        "the output cannot be created:",
        "/proc/lmforge-test-out (clean.output)");
    assertEquals("a file", Files.readString(notADir));
  }

  // ---- tokenize
  // -------------------------------------------------------------------------------------------

  @Test
  void tokenizeNamesEveryWrongKindOfInput() throws IOException {
    Path out = tmp.resolve("tokens-out");
    assertUserError(
        tokenize(cleanOut.resolve("stats.json"), out), "not Parquet", "stats.json is plain text");
    assertUserError(tokenize(tmp.resolve("missing"), out), "does not exist", "docs/");
    assertUserError(tokenize(liarWarc, out), "not Parquet", "a WARC/WET file", "clean --input");
    assertUserError(tokenize(random, out), "not Parquet", "binary data");
    assertUserError(tokenize(warcDir, out), "holds files that are not Parquet", "clean --input");
    assertUserError(tokenize(emptyDir, out), "holds no Parquet files", "is empty");
    // the clean job's own part files with a stray file beside them: Spark would read both
    Path docsAndNotes = copyWithStrayCsv(fakeClean.resolve("docs"), "docs-and-notes");
    assertUserError(
        tokenize(docsAndNotes, out), "holds files that are not Parquet", "notes.csv is plain text");
    assertUserError(
        tokenize(cleanOut, out),
        "a whole clean output",
        "--input file:" + cleanOut.resolve("docs"));
    assertUserError(
        tokenize(cleanOut.resolve("docs"), out),
        "the clean output kept no documents",
        "stats.json");
    assertUserError(
        tokenize(cleanOut.resolve("quarantine"), out),
        "the tokenize input is the clean output's quarantine (the records that failed)",
        "--input file:" + cleanOut.resolve("docs"));
    assertUserError(tokenize(tokens, out), "a tokenize output", "--tokens");
    Path staging = Files.createDirectories(tmp.resolve("clean-2.staging-1a2b3c4d/docs"));
    assertUserError(tokenize(staging, out), "unfinished clean output", "clean-2/docs");
    assertUserError(
        tokenizeLoading(tmp.resolve("no-tokenizer"), out),
        "no tokenizer to load at",
        "vocab.json + merges.txt");
    // a tokenize output, and a directory without the files (Spark ran first, then exit 1)
    assertUserError(
        tokenizeLoading(tokens, out),
        "a tokenize output, not a tokenizer directory",
        "set tokenize.tokenizer.path = " + tokens.resolve("tokenizer"));
    assertUserError(
        tokenizeLoading(emptyDir, out),
        "no vocab.json in the tokenizer directory",
        "encoder.json + vocab.bpe");
    assertNoPartialOutput(out);
  }

  /**
   * A "text" column that holds numbers: named by tokenize and eval (eval threw ClassCastException).
   */
  @Test
  void aTextColumnThatIsNotTextIsNamed() throws IOException {
    Path out = tmp.resolve("tokens-of-numbers");
    assertUserError(
        tokenize(numberText, out),
        "the tokenize input's column \"text\" is int,",
        "tokenize.textColumn");
    assertNoPartialOutput(out);
  }

  @Test
  void tokenizeRefusesAnExistingOutputBeforeAnyWork() throws IOException {
    Path out = Files.createDirectories(tmp.resolve("tokens-existing"));
    Files.writeString(out.resolve("notes.txt"), "someone's files");
    assertUserError(tokenize(fakeClean.resolve("docs"), out), "already exists", "--overwrite");
    assertEquals(List.of("notes.txt"), names(out), "left untouched");
    assertNoPartialOutput(out);
  }

  // ---- pretrain and sweep: the checks their jobs call before Spark
  // ----------------------------------------

  @Test
  void pretrainInputsNameTheMistake() throws IOException {
    Configuration conf = new Configuration();
    assertUserError(pretrain(tmp.resolve("missing"), conf), "do not exist", "run the tokenize job");
    assertUserError(pretrain(text, conf), "a file, not a tokenize output directory");
    assertUserError(
        pretrain(cleanOut, conf), "a clean output, not token shards", "tokenize it first");
    assertUserError(pretrain(cleanOut.resolve("docs"), conf), "a clean output, not token shards");
    assertUserError(
        pretrain(tmp, conf), "not a tokenize output", "did you mean --tokens file:" + tokens);
    Path unfinished = Files.createDirectories(tmp.resolve("tokens-killed"));
    Files.createDirectories(tmp.resolve("tokens-killed.staging-1a2b3c4d/train"));
    assertUserError(pretrain(unfinished, conf), "unfinished token shards", "--overwrite");
    // one split of a tokenize output: the directory to pass is named
    Path train = tokens.resolve("train");
    assertUserError(pretrain(train, conf), "one split of a tokenize output", "--tokens " + tokens);

    Path garbled = BadInputFiles.tokenizeOutput(tmp.resolve("tokens-garbled"));
    Files.writeString(garbled.resolve("manifest.json"), "{\"tokenizerId\": ");
    assertUserError(pretrain(garbled, conf), "manifest does not parse", "re-run the tokenize job");
    Path incomplete = BadInputFiles.tokenizeOutput(tmp.resolve("tokens-incomplete"));
    Files.delete(incomplete.resolve("validation/part-00000-0000.tok"));
    assertUserError(
        pretrain(incomplete, conf), "incomplete token shards", "validation/part-00000-0000.tok");
    assertDoesNotThrow(
        () -> PretrainInputs.check(tokens.toString(), conf), "a complete tokenize output passes");

    Path run = Files.createDirectories(tmp.resolve("run"));
    assertUserError(
        outcome(
            () -> PretrainInputs.checkOutput(tmp.resolve("no-run").toString(), true, false, conf)),
        "no run to resume",
        "without --resume");
    assertUserError(
        outcome(() -> PretrainInputs.checkOutput(run.toString(), false, false, conf)),
        "already exists",
        "--resume",
        "--overwrite");
    assertUserError(
        outcome(() -> PretrainInputs.checkOutput(run.toString(), true, false, conf)),
        "not a pretrain run (no run.json)");
    Files.writeString(run.resolve("run.json"), "{}");
    assertUserError(
        outcome(() -> PretrainInputs.checkRun(run.toString(), conf)), "a run without a checkpoint");
  }

  @Test
  void sweepInputsNameTheMistake() throws IOException {
    Path sweep = Files.createDirectories(tmp.resolve("sweep-planned"));
    Files.writeString(sweep.resolve("plan.json"), "{}");
    assertUserError(
        outcome(() -> SweepInputs.check(sweep.toString())), "no finished run yet", "resumes it");
    Files.writeString(sweep.resolve("runs.csv"), "run_id,params,tokens,final_val_loss\n");
    assertUserError(
        outcome(() -> SweepInputs.check(sweep.toString())),
        "no finished run yet",
        "only its header");
    assertUserError(
        outcome(() -> SweepInputs.check(sweep.resolve("runs.csv").toString())),
        "not its runs.csv",
        "--sweep " + sweep.toAbsolutePath());
  }

  /**
   * A sweep resumes in its directory, so an existing one is taken as a sweep to continue: one that
   * holds other things but no plan.json (a pretrain run, notes) is refused, where the sweep used to
   * write its runs in among them. Side files (a killed sweep's claim, .crc) do not count.
   */
  @Test
  void aSweepOutputThatHoldsSomethingElseIsRefused() throws IOException {
    Path notes = Files.createDirectories(tmp.resolve("notes-dir"));
    Files.writeString(notes.resolve("a.txt"), "mine");
    String[] sweep = {"sweep", "--tokens", tokens.toString(), "--conf", "sweep.budgets=[1]"};
    assertUserError(
        run(concat(sweep, "--output", notes.toString())),
        "the sweep output holds something that is not a sweep",
        "has no plan.json but holds a.txt",
        "--overwrite");
    assertEquals(List.of("a.txt"), names(notes), "nothing written");

    Path killed = Files.createDirectories(tmp.resolve("killed-sweep"));
    Path claim = Files.writeString(killed.resolve("_WRITING"), "process 7 on elsewhere");
    Files.setLastModifiedTime( // lapsed: last renewed ten minutes ago
        claim, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() - 600_000));
    Files.writeString(killed.resolve(".plan.json.crc"), "");
    assertUserError(
        run(concat(sweep, "--output", killed.toString())),
        "the sweep plan has no runs"); // past the check: planned (with no run at this budget)
  }

  private static String[] concat(String[] a, String... b) {
    String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  // ---- report
  // ---------------------------------------------------------------------------------------------

  @Test
  void reportNamesAMissingOrUnfinishedSweep() throws IOException {
    assertUserError(
        run("report", "--sweep", tmp.resolve("no-sweep").toString()), "no such sweep directory");
    assertUserError(
        run("report", "--sweep", text.toString()), "not a sweep directory", "is a file");
    assertUserError(
        run("report", "--sweep", tokens.toString()),
        "a tokenize output (token shards), not a sweep");
    assertUserError(run("report", "--sweep", cleanOut.toString()), "a clean output, not a sweep");
    Path started = Files.createDirectories(tmp.resolve("sweep-started"));
    Files.writeString(started.resolve("plan.json"), "{}");
    assertUserError(run("report", "--sweep", started.toString()), "no finished run yet");
    Files.writeString(started.resolve("runs.csv"), "run_id,params,tokens,final_val_loss\n");
    assertUserError(run("report", "--sweep", started.toString()), "no finished run yet");
    assertEquals(List.of("plan.json", "runs.csv"), names(started), "no report written");
    Path run = Files.createDirectories(tmp.resolve("one-run"));
    Files.writeString(run.resolve("run.json"), "{}");
    assertUserError(run("report", "--sweep", run.toString()), "a single pretrain run, not a sweep");
    Path done = Files.createDirectories(tmp.resolve("sweep-done"));
    Files.writeString(
        done.resolve("runs.csv"), "run_id,params,tokens,final_val_loss\nr1,1e6,2e7,3.5\n");
    assertUserError(
        run("report", "--sweep", done.toString(), "--output", tmp.toString()),
        "--output is a directory");
    // a run's training log cut in the middle of a record (a disk that filled up, a copy cut short)
    Path log = Files.createDirectories(done.resolve("runs/r1")).resolve("metrics.jsonl");
    Files.writeString(
        log, "{\"kind\":\"train\",\"step\":1,\"loss\":7.1}\n{\"kind\":\"train\",\"st");
    assertUserError(
        run("report", "--sweep", done.toString()),
        "r1/metrics.jsonl line 2: not a JSON object",
        "end-of-input");
  }

  // ---- fit-scaling
  // ----------------------------------------------------------------------------------------

  @Test
  void fitScalingNamesAWrongInput() throws IOException {
    Path out = tmp.resolve("fit.json");
    Path sweep = Files.createDirectories(tmp.resolve("sweep-for-fit"));
    Files.writeString(sweep.resolve("runs.csv"), "run_id,params,tokens,final_val_loss\n");
    assertUserError(fit(tmp.resolve("no.csv"), out), "no such file", "params,tokens,loss");
    assertUserError(
        fit(sweep, out),
        "a directory, not a CSV file",
        "did you mean --input " + sweep.resolve("runs.csv"));
    assertUserError(fit(random, out), "not a CSV file", "binary data");
    assertUserError(fit(gzText, out), "not a CSV file", "gzip-compressed text");
    assertUserError(fit(parquetFile(otherParquet), out), "not a CSV file", "a Parquet file");
    Path wrongColumns = tmp.resolve("sizes.csv");
    Files.writeString(wrongColumns, "model,size\nsmall,1\nlarge,2\n");
    assertUserError(
        fit(wrongColumns, out), "missing column", "sizes.csv"); // CSV, but not the columns
    assertUserError(fit(sweep.resolve("runs.csv"), tmp), "--output is a directory");
    assertUserError(
        run(
            "fit-scaling",
            "--input",
            sweep.resolve("runs.csv").toString(),
            "--output",
            out.toString(),
            "--law",
            "hoffmann"),
        "--law must be auto, chinchilla or kaplan",
        "'hoffmann'");
    assertFalse(Files.exists(out), "no fit written");
  }

  /**
   * An output that is an input, or a directory above one, is refused before anything is written,
   * with or without --overwrite (which would otherwise delete what the job reads).
   */
  @Test
  void anOutputThatWouldReplaceAnInputIsRefused() throws IOException {
    Path input = Files.writeString(tmp.resolve("input-notes.txt"), "plain text\n");
    assertUserError(
        run("clean", "--input", input.toString(), "--output", input.toString(), "--overwrite"),
        "the output would replace an input",
        "input-notes.txt (clean.output) is");
    assertEquals("plain text\n", Files.readString(input), "the input is untouched");
    Path docs = fakeClean.resolve("docs");
    assertUserError(
        run(
            "tokenize",
            "--input",
            docs.toString(),
            "--output",
            fakeClean.toString(),
            "--overwrite"),
        "the output would replace an input",
        "(tokenize.output) holds");
    assertTrue(Files.isDirectory(docs), "the input is untouched");
    for (String job : new String[] {"pretrain", "sweep"}) {
      assertUserError(
          run(job, "--tokens", tokens.toString(), "--output", tokens.toString(), "--overwrite"),
          "the output would replace an input",
          "(" + job + ".output) is");
    }
    assertTrue(Files.exists(tokens.resolve("manifest.json")), "the tokens are untouched");
    // the single-file outputs: a fit, a report, a model, extracted pages
    String csv = "run_id,params,tokens,final_val_loss\nr1,1e6,2e7,3.5\n";
    Path sweep = Files.createDirectories(tmp.resolve("sweep-to-keep"));
    Path runsCsv = Files.writeString(sweep.resolve("runs.csv"), csv);
    assertUserError(fit(runsCsv, runsCsv), "the fit's --output is its input", "runs.csv");
    assertUserError(
        run("report", "--sweep", sweep.toString(), "--output", runsCsv.toString()),
        "the report's --output is its input",
        "report.html");
    assertUserError(quality(text, text, text), "the model --output is its input");
    Path pages = Files.createDirectories(tmp.resolve("pages-to-keep"));
    Path page = Files.writeString(pages.resolve("a.html"), "<p>A page of text.</p>");
    assertUserError(
        run("extract-html", "--input", pages.toString(), "--output", page.toString()),
        "--output is its input");
    assertEquals(csv, Files.readString(runsCsv), "the runs are untouched");
    assertEquals("<p>A page of text.</p>", Files.readString(page), "the page is untouched");
  }

  /**
   * A path Hadoop cannot parse ("a:b" reads as a URI scheme with a relative path) in any command's
   * input, run or output: one error line naming the option, never Hadoop's URISyntaxException.
   */
  @Test
  void aPathHadoopCannotParseIsNamedByEveryCommand() {
    String bad = "notes:today";
    String out = tmp.resolve("never-written").toString();
    String[][] commands = {
      {"tokenize", "--input", bad, "--output", out},
      {"pretrain", "--tokens", bad, "--output", out},
      {"pretrain", "--tokens", tokens.toString(), "--output", bad},
      {"sweep", "--tokens", bad, "--output", out},
      {"sweep", "--tokens", tokens.toString(), "--output", bad},
      {"show-docs", "--input", bad},
      {"generate", "--run", bad, "--prompt", "Hello"},
      {"eval", "--run", bad, "--input", text.toString()},
    };
    for (String[] c : commands) {
      assertUserError(run(c), "not a path: '" + bad + "'", "Relative path in absolute URI");
    }
    assertFalse(Files.exists(Path.of(out)), "nothing written");
    assertUserError(fit(text, Path.of("")), "the fit's --output is empty", "fit.json");
  }

  @Test
  void tokenizeNamesATokenizerToLoadThatDoesNotParse() throws IOException {
    Path tok = Files.createDirectories(tmp.resolve("broken-tokenizer"));
    Files.writeString(tok.resolve("vocab.json"), "{\"a\":");
    Files.writeString(tok.resolve("merges.txt"), "#version: 0.2\n");
    Path out = tmp.resolve("tokens-of-a-broken-tokenizer");
    assertUserError(tokenizeLoading(tok, out), "the tokenizer files do not parse", "vocab.json:");
    assertFalse(Files.exists(out), "no output");
    assertNoPartialOutput(out);
  }

  @Test
  void aSettingsFileThatIsADirectoryOrNotHoconIsNamed() throws IOException {
    Path dir = Files.createDirectories(tmp.resolve("conf-dir"));
    assertUserError(run("clean", "--config", dir.toString()), "is a directory", "HOCON");
    Path bad =
        Files.writeString(tmp.resolve("bad.conf"), "clean {\n  output = \n  inputs = [ \"a\"\n");
    assertUserError(run("clean", "--config", bad.toString()), "not valid HOCON", "bad.conf: 3");
  }

  @Test
  void sampleWarcRefusesADirectoryAsItsOutputFile() throws IOException {
    Path dir = Files.createDirectories(tmp.resolve("sample-dir"));
    assertUserError(
        run("sample-warc", "--output", dir.toString(), "--pages", "3"),
        "--output is a directory",
        "sample.warc.gz");
    try (var left = Files.list(dir)) {
      assertEquals(0, left.count(), "nothing written into it");
    }
    Path out = tmp.resolve("too-many.warc.gz"); // was all 17,597 written without a word
    assertUserError(
        run("sample-warc", "--output", out.toString(), "--pages", "99999999"),
        "--pages: '99999999' is more pages than there are",
        "or 'all'");
    assertUserError(
        run("clean", "--sample-pages", "20000", "--output", tmp.resolve("c").toString()),
        "--sample-pages: '20000' is more pages than there are");
    assertFalse(Files.exists(out));
    // the same command with a right output: the file and its line
    Outcome three = run("sample-warc", "--output", out.toString(), "--pages", "3");
    assertEquals(0, three.code(), three.err());
    assertTrue(
        three
            .out()
            .matches(
                "(?s)wrote \\d+ records \\(\\d+\\.\\d MB\\) to \\S*too-many\\.warc\\.gz in .*"),
        three.out());
    try (var in = new java.util.zip.GZIPInputStream(Files.newInputStream(out))) {
      assertTrue(new String(in.readNBytes(8), StandardCharsets.US_ASCII).startsWith("WARC/1."));
    }
  }

  // ---- show-docs
  // ------------------------------------------------------------------------------------------

  @Test
  void showDocsNamesWhatIsNotACleanOutput() throws IOException {
    assertUserError(showDocs(tmp.resolve("no-clean")), "no such clean output", "work/clean");
    assertUserError(showDocs(liarWarc), "not a clean output", "is a file");
    assertUserError(showDocs(tokens), "a tokenize output (token shards), not a clean output");
    assertUserError(showDocs(emptyDir), "not a clean output", "is empty");
    assertUserError(
        showDocs(cleanOut.resolve("quarantine")),
        "the clean output's quarantine (the records that failed), not its documents",
        "--input " + cleanOut);
    assertUserError(
        run("show-docs", "--input", fakeClean.toString(), "-n", "-1"),
        "-n -1: give the number of documents to list (>= 0)");
    assertUserError(
        showDocs(copyWithStrayCsv(fakeClean.resolve("docs"), "docs-and-notes-2")),
        "holds files that are not Parquet",
        "notes.csv is plain text");
    Path staging = Files.createDirectories(tmp.resolve("clean-3.staging-5e6f7a8b/docs"));
    Files.writeString(staging.resolve("part-0.parquet"), "PAR1");
    assertUserError(showDocs(staging.getParent()), "unfinished clean output", "clean-3");
  }

  @Test
  void showDocsListsTheDocumentsOfACleanOutput() {
    Outcome o = showDocs(fakeClean);
    assertEquals(0, o.code(), o.err());
    // both rows kept (no drop columns), each a verdict line and a preview line
    assertTrue(o.out().contains("] kept  https://a.example/"), o.out());
    assertTrue(o.out().contains("] kept  https://b.example/"), o.out());
    assertTrue(o.out().contains("\n    Some kept text."), o.out());
    assertTrue(o.out().contains("\n    Un texte gardé."), o.out());
    // dropped documents are written only with --keep-dropped: asking for them says so
    Outcome dropped =
        run(
            "show-docs",
            "--master",
            "local[2]",
            "--input",
            fakeClean.toString(),
            "--select",
            "dropped");
    assertEquals(0, dropped.code(), dropped.err());
    assertTrue(dropped.out().contains("no documents match 'dropped'"), dropped.out());
    assertTrue(
        dropped
            .out()
            .contains(": it holds no dropped document (the clean job writes them only with"),
        dropped.out());
    assertFalse(dropped.out().contains("one of:"), dropped.out()); // no list of none
  }

  @Test
  void showDocsOnACleanOutputThatKeptNothingSaysSo() {
    Outcome o = showDocs(cleanOut);
    assertEquals(0, o.code(), o.err());
    assertTrue(o.out().contains("no documents in") && o.out().contains("stats.json"), o.out());
  }

  // ---- tokenizer-stats
  // ------------------------------------------------------------------------------------

  @Test
  void tokenizerStatsNamesAWrongTokenizerOrText() throws IOException {
    Path vocab = tokens.resolve("tokenizer");
    assertUserError(tokStats(tmp.resolve("no-tokenizer"), text), "no such tokenizer directory");
    assertUserError(
        tokStats(tokens, text), "not a tokenizer directory", "did you mean --tokenizer " + vocab);
    assertUserError(
        tokStats(vocab.resolve("vocab.json"), text),
        "a file, not a tokenizer directory",
        "--tokenizer " + vocab);
    assertUserError(tokStats(vocab, tmp.resolve("no.txt")), "no such text file");
    assertUserError(tokStats(vocab, random), "not a text file", "binary data");
    assertUserError(tokStats(vocab, gzText), "not a text file", "gunzip");
    assertUserError(tokStats(vocab, emptyDir), "a directory, not a text file");
    assertUserError(tokStats(vocab, text), "the tokenizer files do not parse", "vocab.json");
    // a sound tokenizer of ours, compared with GPT-2 files that do not parse: the fix names --gpt2
    Path ours = tmp.resolve("small-bpe");
    TokenizerFiles.save(
        BpeTrainer.train(
            Map.of("the", 5L, "then", 3L), new BpeTrainerConfig("small-bpe", 260, List.of(), 1)),
        ours);
    assertUserError(
        tokStats(ours, text, "--gpt2", vocab.toString()),
        "GPT-2's tokenizer files do not parse",
        "--gpt2");
    assertUserError(tokStats(ours, text, "--top", "-1"), "not a count: --top -1", "0 or more");
    // --input, as every command names what it reads; --text, its first name, still works
    Outcome byOldName =
        run("tokenizer-stats", "--tokenizer", ours.toString(), "--text", text.toString());
    assertEquals(0, byOldName.code(), byOldName.err());
    assertTrue(byOldName.out().contains("bytes/token"), byOldName.out());
  }

  // ---- train-quality
  // --------------------------------------------------------------------------------------

  @Test
  void trainQualityNamesAWrongInputAndWritesNoModel() throws IOException {
    Path model = tmp.resolve("quality.bin");
    Path few = tmp.resolve("three-lines.txt");
    Files.writeString(few, "one document\nanother document\na third one\n");
    assertUserError(
        quality(tmp.resolve("no-such.txt"), text, model),
        "no such file or directory",
        "--positives");
    assertUserError(
        run(
            "train-quality",
            "--positives",
            text.toString(),
            "--negatives",
            text.toString(),
            "--output",
            model.toString(),
            "--max-docs",
            "-1"),
        "not a count: --max-docs -1");
    assertUserError(
        quality(text, liarWarc, model),
        "a crawl file, not text",
        "--negatives",
        "run the clean job");
    assertUserError(quality(random, text, model), "not a text or Parquet file", "binary data");
    assertUserError(
        quality(fakeClean, text, model),
        "a whole clean output",
        "--positives " + fakeClean.resolve("docs"));
    assertUserError(quality(emptyDir, text, model), "a directory without Parquet files");
    // Parquet parts with a stray file beside them: Spark would read both
    assertUserError(
        quality(copyWithStrayCsv(fakeClean.resolve("docs"), "quality-docs-and-notes"), text, model),
        "a directory holding files that are not Parquet",
        "notes.csv is plain text");
    assertUserError(
        quality(text, tokens, model),
        "a tokenize output (token shards), not documents:",
        "--negatives");
    assertUserError(
        quality(text, text.getParent().resolve(".").resolve(text.getFileName()), model),
        "the same input on both sides",
        "--positives and --negatives are both");
    assertUserError(
        quality(numberText, text, model),
        "the --positives input's column \"text\" is int, not string, in",
        "numbers.parquet");
    assertUserError(quality(text, few, model), "too few documents", "has 3");
    assertUserError(quality(text, text, tmp), "--output is a directory");
    assertFalse(Files.exists(model), "no model written");
  }

  // ---- extract-html
  // ---------------------------------------------------------------------------------------

  @Test
  void extractHtmlNamesAWrongInputAndLeavesNoPartialOutput() throws IOException {
    Path out = tmp.resolve("extracted.jsonl");
    Path html = Files.createDirectories(tmp.resolve("html"));
    Files.writeString(
        html.resolve("a.html"),
        "<html><body><p>" + BadInputFiles.realText().substring(0, 400) + "</p></body></html>");
    assertUserError(extract(tmp.resolve("no-html"), out), "no such directory");
    assertUserError(
        extract(html.resolve("a.html"), out),
        "not a directory",
        "--input " + html.toAbsolutePath());
    assertUserError(extract(emptyDir, out), "no *.html or *.html.gz file under");
    assertUserError(extract(html, tmp), "--output is a directory");
    Files.copy(text, html.resolve("b.html.gz")); // named .gz, but not gzip
    Outcome skipped = extract(html, out);
    assertEquals(0, skipped.code(), skipped.err());
    assertTrue(line(skipped.out(), "b.html.gz").contains("Not in GZIP format"), skipped.out());
    assertTrue(skipped.out().contains("skipped 1 unreadable"), skipped.out());
    assertEquals(1, Files.readAllLines(out).size(), "the readable page is written");
    assertTrue(Files.readString(out).startsWith("{\"file\":\"a.html\""));
    Files.delete(out);
    Files.delete(html.resolve("a.html")); // every page unreadable: an error, no output
    assertUserError(extract(html, out), "no page under", "b.html.gz", "gzip");
    assertFalse(Files.exists(out), "no partial output");
    try (Stream<Path> s = Files.list(tmp)) {
      assertTrue(
          s.noneMatch(p -> p.getFileName().toString().startsWith(".extracted.jsonl")),
          "temp file removed");
    }
  }

  // ---- the exit codes of Main
  // -----------------------------------------------------------------------------

  @Test
  void runtimeFailuresExitOneWithTheCauseChain() {
    StringWriter err = new StringWriter();
    int code =
        Main.handle(
            new IllegalStateException(
                "step 7 failed and pretrain.maxRecoveries=2 are used up",
                new IOException(
                    "lost executor 3", new java.net.ConnectException("connection refused"))),
            new PrintWriter(err, true));
    assertEquals(1, code);
    List<String> lines = err.toString().lines().toList();
    assertEquals(
        List.of(
            "failed: IllegalStateException: step 7 failed and pretrain.maxRecoveries=2 are used up",
            "  caused by: IOException: lost executor 3",
            "  caused by: ConnectException: connection refused",
            "(the full stack trace is logged by org.lmforge.jobs.Main at ERROR to stderr)"),
        lines);

    // A mistake a Spark task found is still the user's: one line, exit 2.
    err.getBuffer().setLength(0);
    code =
        Main.handle(
            new SparkException("Job aborted", UserError.of("a wrong thing", "at x", "fix it")),
            new PrintWriter(err, true));
    assertEquals(2, code);
    assertEquals("error: a wrong thing at x; fix it", err.toString().strip());
  }

  /** An Error from inside a command (picocli passes Errors through) is a runtime failure too. */
  @Test
  void anErrorIsARuntimeFailureNotACrash() {
    StringWriter err = new StringWriter();
    picocli.CommandLine cli = new picocli.CommandLine(new FailsWithAnError());
    cli.setErr(new PrintWriter(err, true));
    assertEquals(1, Main.execute(cli));
    assertTrue(
        err.toString().contains("failed: AssertionError: assertion failed: something Spark checks"),
        err.toString());
  }

  @picocli.CommandLine.Command(name = "fails")
  static final class FailsWithAnError implements java.util.concurrent.Callable<Integer> {
    @Override
    public Integer call() {
      throw new AssertionError("assertion failed: something Spark checks");
    }
  }

  // ---- helpers
  // --------------------------------------------------------------------------------------------

  /** What a command printed and returned. */
  /** A copy of the Parquet directory {@code from} with a CSV file "notes.csv" beside its parts. */
  static Path copyWithStrayCsv(Path from, String name) throws IOException {
    Path to = BadInputFiles.copyTree(from, tmp.resolve(name));
    Files.writeString(to.resolve("notes.csv"), "id,text\n1,hello\n");
    return to;
  }

  record Outcome(int code, String err, String out) {}

  /** Runs a command as {@code bin/pipeline} would, capturing stderr (the writer) and stdout. */
  static Outcome run(String... args) {
    StringWriter err = new StringWriter();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PrintStream console = System.out;
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    try {
      int code = Main.run(new PrintWriter(err, true), args);
      return new Outcome(code, err.toString(), out.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(console);
    }
  }

  /** A check called directly, as Main would report what it throws. */
  static Outcome outcome(org.junit.jupiter.api.function.Executable check) {
    Exception e = assertThrows(Exception.class, check);
    StringWriter err = new StringWriter();
    int code = Main.handle(e, new PrintWriter(err, true));
    return new Outcome(code, err.toString(), "");
  }

  static void assertUserError(Outcome o, String... fragments) {
    String e = o.err().strip();
    assertEquals(2, o.code(), e);
    assertEquals(1, e.lines().count(), "one line: " + e);
    assertTrue(e.startsWith("error: "), e);
    assertFalse(
        e.contains("Exception") || e.contains("\tat "), "no exception or stack trace: " + e);
    for (String f : fragments) {
      assertTrue(e.contains(f), "'" + f + "' in: " + e);
    }
  }

  /** No staging directory of {@code out} is left. */
  static void assertNoPartialOutput(Path out) {
    String name = out.getFileName().toString();
    try (Stream<Path> s = Files.list(out.getParent())) {
      List<String> left =
          s.map(p -> p.getFileName().toString())
              .filter(n -> n.startsWith(name + ".staging-"))
              .toList();
      assertEquals(List.of(), left, "partial output beside " + out);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    if (Files.exists(out) && Files.exists(out.resolve("stats.json"))) {
      assertTrue(Files.exists(out.resolve("_COMPLETE")), "an output is complete or absent: " + out);
    }
  }

  static Outcome tokenize(Path in, Path out) {
    return tokenize(in, out.toString());
  }

  /** Tokenize {@code in} to {@code out}, a path or URI, with {@code more} options. */
  static Outcome tokenize(Path in, String out, String... more) {
    return run(concat(new String[] {"tokenize", "--input", in.toString(), "--output", out}, more));
  }

  /** Tokenize the Spark-written docs with the tokenizer loaded from {@code tokenizer}. */
  static Outcome tokenizeLoading(Path tokenizer, Path out) {
    return run(
        "tokenize",
        "--input",
        fakeClean.resolve("docs").toString(),
        "--output",
        out.toString(),
        "--conf",
        "tokenize.tokenizer.mode=load",
        "--conf",
        "tokenize.tokenizer.path=\"" + tokenizer + "\"");
  }

  static Outcome pretrain(Path tokensDir, Configuration conf) {
    return outcome(() -> PretrainInputs.check(tokensDir.toString(), conf));
  }

  static Outcome fit(Path in, Path out) {
    return run("fit-scaling", "--input", in.toString(), "--output", out.toString());
  }

  static Outcome showDocs(Path in) {
    return run("show-docs", "--master", "local[2]", "--input", in.toString());
  }

  static Outcome tokStats(Path tokenizer, Path textFile, String... more) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "tokenizer-stats",
                "--tokenizer",
                tokenizer.toString(),
                "--input",
                textFile.toString()));
    args.addAll(List.of(more));
    return run(args.toArray(String[]::new));
  }

  static Outcome quality(Path positives, Path negatives, Path model) {
    return run(
        "train-quality",
        "--master",
        "local[2]",
        "--positives",
        positives.toString(),
        "--negatives",
        negatives.toString(),
        "--output",
        model.toString());
  }

  static Outcome extract(Path in, Path out) {
    return run("extract-html", "--input", in.toString(), "--output", out.toString());
  }

  /** The console line that mentions {@code fragment} (the first), or "" when none does. */
  static String line(String console, String fragment) {
    return console.lines().filter(l -> l.contains(fragment)).findFirst().orElse("");
  }

  static List<String> names(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  static Path parquetFile(Path dir) throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(
              p -> Files.isRegularFile(p) && p.getFileName().toString().endsWith(".parquet"))
          .findFirst()
          .orElseThrow();
    }
  }
}

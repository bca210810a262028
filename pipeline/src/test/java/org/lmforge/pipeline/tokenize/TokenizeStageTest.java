package org.lmforge.pipeline.tokenize;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.hash;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.pmod;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lmforge.dataprep.tokenize.BpeTokenizer;
import org.lmforge.dataprep.tokenize.DocSplit;
import org.lmforge.dataprep.tokenize.ShardFormatException;
import org.lmforge.dataprep.tokenize.ShardManifest;
import org.lmforge.dataprep.tokenize.TokenShardReader;
import org.lmforge.dataprep.tokenize.TokenizerFiles;
import org.lmforge.pipeline.TestSessions;
import org.lmforge.pipeline.job.Progress;
import org.lmforge.pipeline.job.UserError;

/**
 * The tokenize stage on real Europarl text with planted empty, dropped, other-language and id-less
 * rows: shards read back decode to exactly the kept documents of each split, in the documented
 * order; manifest and result counts equal what an independent re-encode gives; the output is
 * byte-identical for 1 and 4 input partitions; a loaded GPT-2 gives JTokkit's ids; bad and
 * mismatched vocabularies fail naming both numbers.
 */
class TokenizeStageTest {
  private static final int DOCS = 400;
  private static final int EMPTY = 12;
  private static final int NO_ID = 2;
  private static final int PARTITIONS = 3;

  private static final String OPEN_COST = "spark.sql.files.openCostInBytes";

  @TempDir static Path tmp;
  static final Progress QUIET = Progress.quiet();
  private static SparkSession spark;
  private static Configuration hconf;
  private static List<Row> rows;
  private static String in1;
  private static String in4;
  private static TokenizeConfig base;
  private static TokenizeResult trained;
  private static String out1;

  @BeforeAll
  static void start() throws IOException {
    spark = TestSessions.local("tokenize-stage-test");
    // Spark packs small files into few read partitions; a file-sized open cost gives one partition
    // per file.
    spark.conf().set(OPEN_COST, 128L << 20);
    hconf = spark.sparkContext().hadoopConfiguration();
    List<String> bodies = TokenizeCorpus.europarlBodies();
    SplittableRandom rnd = new SplittableRandom(7);
    rows = new ArrayList<>();
    // Every 17th line: a spread over the file's languages; ids random hex, so id order is not file
    // order.
    for (int i = 0; rows.size() < DOCS; i += 17) {
      String lang = rows.size() % 20 == 19 ? "yy" : "xx";
      rows.add(TokenizeCorpus.row(Long.toHexString(rnd.nextLong()), lang, bodies.get(i), null));
    }
    for (int i = 0; i < 30; i++) {
      rows.add(TokenizeCorpus.row("dropped-" + i, "xx", bodies.get(5 + 31 * i), "gopher"));
    }
    String[] empties = {"", null, " \n\t "};
    for (int i = 0; i < EMPTY; i++) {
      rows.add(TokenizeCorpus.row("empty-" + i, "xx", empties[i % 3], null));
    }
    for (int i = 0; i < NO_ID; i++)
      rows.add(TokenizeCorpus.row(null, "xx", bodies.get(3 + i), null));

    in1 = tmp.resolve("clean1").toString();
    spark.createDataFrame(rows, TokenizeCorpus.SCHEMA).coalesce(1).write().parquet(in1);
    List<Row> shuffled = new ArrayList<>(rows);
    Collections.shuffle(shuffled, new java.util.Random(3));
    in4 = tmp.resolve("clean4").toString();
    spark.createDataFrame(shuffled, TokenizeCorpus.SCHEMA).repartition(4).write().parquet(in4);
    assertEquals(1, spark.read().parquet(in1).javaRDD().getNumPartitions());
    assertEquals(
        4,
        spark.read().parquet(in4).javaRDD().getNumPartitions(),
        "the second input really has 4 partitions");

    base =
        TokenizeConfig.defaults(List.of(in1), tmp.resolve("out1").toString())
            .withTokenizer(TokenizeConfig.Tokenizer.train("test-bpe", 512))
            .withSplit(0.1, 11)
            .withShardTokens(20_000)
            .withPartitions(PARTITIONS)
            .withLanguages(List.of("xx"));
    out1 = base.output();
    trained = TokenizeStage.run(spark, base, QUIET);
  }

  @AfterAll
  static void stop() {
    spark.conf().unset(OPEN_COST);
  }

  /**
   * Kept documents (language xx, not dropped, id and text present) in the order the stage must
   * write them.
   */
  private static List<Row> expectedOrder() {
    List<Row> kept =
        rows.stream()
            .filter(
                r ->
                    r.isNullAt(4)
                        && "xx".equals(r.getString(2))
                        && !r.isNullAt(0)
                        && !r.isNullAt(3)
                        && !r.getString(3).isBlank())
            .toList();
    // Spark's hash() is the Murmur3 that repartition(n, id) partitions by.
    return spark
        .createDataFrame(kept, TokenizeCorpus.SCHEMA)
        .withColumn("p", pmod(hash(col("id")), lit(PARTITIONS)))
        .orderBy(col("p"), col("id"), col("text"))
        .select("id", "text")
        .collectAsList();
  }

  /** A split's documents from its shards: each document follows an end-of-text token. */
  private static List<String> decodeSplit(ShardFiles files, String split, BpeTokenizer tok)
      throws IOException {
    int[] all = files.readSplit(split, tok);
    List<String> docs = new ArrayList<>();
    int eot = tok.endOfTextId();
    assertTrue(all.length > 0 && all[0] == eot, "a split starts with the separator");
    int start = 1;
    for (int i = 1; i <= all.length; i++) {
      if (i == all.length || all[i] == eot) {
        docs.add(tok.decode(java.util.Arrays.copyOfRange(all, start, i)));
        start = i + 1;
      }
    }
    return docs;
  }

  @Test
  void shardsDecodeToExactlyTheDocumentsOfEachSplitInOrder() throws IOException {
    ShardFiles files = ShardFiles.open(out1, hconf);
    BpeTokenizer tok = files.tokenizer();
    assertEquals(512, tok.vocabSize());
    assertEquals(trained.tokenizerId(), tok.id());
    DocSplit split = new DocSplit(0.1, 11);
    for (String s : List.of(DocSplit.TRAIN, DocSplit.VALIDATION)) {
      List<String> expected = new ArrayList<>();
      long bytes = 0;
      long tokens = 0;
      for (Row r : expectedOrder()) {
        if (split.assign(r.getString(0)).equals(s)) {
          expected.add(r.getString(1));
          bytes += r.getString(1).getBytes(StandardCharsets.UTF_8).length;
          tokens += tok.encode(r.getString(1)).length + 1;
        }
      }
      assertTrue(expected.size() >= 20, "split " + s + " has documents: " + expected.size());
      assertEquals(expected, decodeSplit(files, s, tok), "split " + s);

      ShardManifest.Split m = files.manifest().split(s);
      assertEquals(expected.size(), m.documents(), s);
      assertEquals(bytes, m.utf8Bytes(), s);
      assertEquals(tokens, m.tokens(), s);
      TokenizeResult.SplitCounts c =
          s.equals(DocSplit.TRAIN) ? trained.train() : trained.validation();
      assertEquals(
          new TokenizeResult.SplitCounts(expected.size(), tokens, bytes, m.shards().size()), c);
      for (ShardManifest.Shard sh : m.shards()) {
        assertTrue(sh.path().matches(s + "/part-\\d{5}-\\d{4}\\.tok"), sh.path());
        try (TokenShardReader r = files.reader(sh, tok)) {
          assertEquals(sh.tokens(), r.header().tokenCount());
          assertEquals(sh.utf8Bytes(), r.header().utf8Bytes());
          assertEquals(sh.documents(), r.header().documents());
        }
      }
    }
    // 20k-token shards: the training split (~150k tokens over 3 partitions) rolls over within
    // partitions.
    assertTrue(
        files.manifest().split(DocSplit.TRAIN).shards().size() > PARTITIONS,
        files.manifest().toString());
    assertTrue(
        files.shards(DocSplit.TRAIN).stream().anyMatch(p -> p.getName().endsWith("-0001.tok")));
  }

  /** Asked for more ids than the text has pairs to merge: said, with the size it got. */
  @Test
  void mergesThatRunOutAreSaid() throws IOException {
    Said big =
        runSaying(
            base.withTokenizer(TokenizeConfig.Tokenizer.train("test-bpe", 1_000_000))
                .withOutput(tmp.resolve("out-big").toString()));
    int size = big.result().vocabSize();
    assertTrue(size < 1_000_000 && size > 512, "size " + size);
    String expected =
        String.format("tokenize: the merges ran out at %,d ids of the 1,000,000 asked", size);
    assertTrue(big.console().contains(expected), big.console());
  }

  @Test
  void anEmptyValidationSplitIsSaidWhenTheShardsAreWritten() throws IOException {
    Said none =
        runSaying(base.withSplit(0.0, 11).withOutput(tmp.resolve("out-no-validation").toString()));
    assertEquals(0, none.result().validation().documents());
    assertTrue(
        none.console().contains("tokenize: note: the validation split is empty"), none.console());
    assertTrue(none.console().contains("raise tokenize.validationFraction"), none.console());
    Said some = runSaying(base.withOutput(tmp.resolve("out-split").toString()));
    assertFalse(some.console().contains("validation split is empty"), some.console());
  }

  /** A run of the stage and what it said on its console. */
  private record Said(TokenizeResult result, String console) {}

  private static Said runSaying(TokenizeConfig cfg) throws IOException {
    var out = new java.io.ByteArrayOutputStream();
    TokenizeResult r =
        TokenizeStage.run(
            spark, cfg, Progress.to(new java.io.PrintStream(out, true, StandardCharsets.UTF_8)));
    return new Said(r, out.toString(StandardCharsets.UTF_8));
  }

  @Test
  void emptyAndIdlessDocumentsAreSkippedAndCounted() {
    long keptLanguage =
        rows.stream().filter(r -> r.isNullAt(4) && "xx".equals(r.getString(2))).count();
    assertEquals(
        keptLanguage, trained.documentsIn(), "documents after the drop and language filters");
    assertEquals(EMPTY, trained.emptySkipped());
    assertEquals(NO_ID, trained.missingIdSkipped());
    assertEquals(
        trained.documentsIn() - EMPTY - NO_ID,
        trained.train().documents() + trained.validation().documents());
    double bpt =
        (double) (trained.train().utf8Bytes() + trained.validation().utf8Bytes())
            / (trained.train().tokens()
                + trained.validation().tokens()
                - trained.train().documents()
                - trained.validation().documents());
    assertEquals(bpt, trained.bytesPerToken(), 1e-12);
    assertTrue(
        trained.bytesPerToken() > 1.5, "512 ids compress Europarl: " + trained.bytesPerToken());
    assertTrue(trained.distinctPreTokens() > 1000);
  }

  @Test
  void outputIsByteIdenticalForOneAndFourInputPartitionsAndReRunsNeedOverwrite()
      throws IOException {
    String out4 = tmp.resolve("out4").toString();
    TokenizeResult r4 =
        TokenizeStage.run(spark, base.withInput(List.of(in4)).withOutput(out4), QUIET);
    assertEquals(trained.train(), r4.train());
    assertEquals(trained.validation(), r4.validation());
    assertEquals(trained.tokenizerId(), r4.tokenizerId());
    Map<String, byte[]> a = files(Path.of(out1));
    Map<String, byte[]> b = files(Path.of(out4));
    assertEquals(a.keySet(), b.keySet());
    assertTrue(
        a.keySet().contains("manifest.json") && a.keySet().contains("tokenizer/vocab.json"),
        a.keySet().toString());
    a.forEach((k, v) -> assertArrayEquals(v, b.get(k), k));

    // A complete output is not replaced by accident.
    String e = refusal(UserError.class, base.withInput(List.of(in4)).withOutput(out4));
    assertTrue(e.contains("already exists") && e.contains("tokenize.overwrite"), e);

    // With overwrite it is; a temp dir left by a killed run is cleared first and never shows up in
    // the output.
    Path stale = tmp.resolve("out4.staging-1a2b3c4d");
    Files.createDirectories(stale.resolve("train"));
    Files.writeString(stale.resolve("train/part-00099-0000.tok"), "left by a killed run");
    TokenizeStage.run(
        spark, base.withInput(List.of(in4)).withOutput(out4).withOverwrite(true), QUIET);
    assertFalse(Files.exists(stale));
    Map<String, byte[]> c = files(Path.of(out4));
    assertEquals(a.keySet(), c.keySet());
    a.forEach((k, v) -> assertArrayEquals(v, c.get(k), k));
  }

  /**
   * Files under dir by relative path; stats.json (timings) and Hadoop's .crc side files left out.
   */
  private static Map<String, byte[]> files(Path dir) throws IOException {
    Map<String, byte[]> out = new TreeMap<>();
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : (Iterable<Path>) s.filter(Files::isRegularFile)::iterator) {
        String rel = dir.relativize(p).toString();
        if (!p.getFileName().toString().endsWith(".crc") && !rel.equals(TokenizeStage.STATS))
          out.put(rel, Files.readAllBytes(p));
      }
    }
    return out;
  }

  @Test
  void loadedGpt2TokenizerGivesJtokkitIdsAndMismatchesNameBothSizes() throws IOException {
    Path tiktoken = tmp.resolve("r50k_base.tiktoken");
    try (InputStream r =
        getClass().getClassLoader().getResourceAsStream(TokenizerFiles.R50K_RESOURCE)) {
      Files.write(tiktoken, r.readAllBytes());
    }
    String out = tmp.resolve("out-gpt2").toString();
    TokenizeConfig gpt2 =
        base.withOutput(out)
            .withTokenizer(
                TokenizeConfig.Tokenizer.load("gpt2", tiktoken.toString()).withVocabSize(50257));
    TokenizeResult r = TokenizeStage.run(spark, gpt2, QUIET);
    assertEquals(50257, r.vocabSize());
    assertEquals(trained.train().documents(), r.train().documents());
    assertEquals(trained.train().utf8Bytes(), r.train().utf8Bytes());

    ShardFiles files = ShardFiles.open(out, hconf);
    BpeTokenizer tok = files.tokenizer();
    assertEquals(50256, tok.endOfTextId());
    Encoding jtokkit = Encodings.newDefaultEncodingRegistry().getEncoding(EncodingType.R50K_BASE);
    int[] all = files.readSplit(DocSplit.VALIDATION, tok);
    int p = 0;
    int checked = 0;
    for (Row row : expectedOrder()) {
      if (!new DocSplit(0.1, 11).isValidation(row.getString(0))) continue;
      int[] want = jtokkit.encodeOrdinary(row.getString(1)).toArray();
      assertEquals(50256, all[p++]);
      assertArrayEquals(
          want, java.util.Arrays.copyOfRange(all, p, p + want.length), row.getString(0));
      p += want.length;
      checked++;
    }
    assertEquals(all.length, p, "nothing after the last validation document");
    assertEquals(r.validation().documents(), checked);

    // Shards of the 512-id tokenizer read with GPT-2: the shard header's size and the tokenizer's,
    // both named.
    ShardFiles small = ShardFiles.open(out1, hconf);
    ShardFormatException e =
        assertThrows(
            ShardFormatException.class,
            () -> small.reader(small.manifest().split(DocSplit.TRAIN).shards().get(0), tok));
    assertTrue(e.getMessage().contains("512") && e.getMessage().contains("50257"), e.getMessage());

    // Loading with an expected size that is not the file's.
    String size =
        refusal(
            UserError.class,
            gpt2.withOutput(tmp.resolve("out-x").toString())
                .withTokenizer(gpt2.tokenizer().withVocabSize(32768)));
    assertTrue(size.contains("50257") && size.contains("32768"), size);
  }

  @Test
  void badOrForeignVocabularyBesideShardsIsAClearError() throws IOException {
    Path copy = tmp.resolve("copy");
    for (Map.Entry<String, byte[]> f : files(Path.of(out1)).entrySet()) {
      Files.createDirectories(copy.resolve(f.getKey()).getParent());
      Files.write(copy.resolve(f.getKey()), f.getValue());
    }
    Path vocab = copy.resolve("tokenizer/vocab.json");
    ShardFiles files = ShardFiles.open(copy.toString(), hconf);

    // Another tokenizer's files in tokenizer/: both vocabulary sizes in the message.
    BpeTokenizer gpt2 = TokenizerFiles.gpt2FromClasspath();
    TokenizerFiles.save(gpt2, copy.resolve("tokenizer"));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, files::tokenizer);
    assertTrue(e.getMessage().contains("512") && e.getMessage().contains("50257"), e.getMessage());

    // A vocab.json that does not parse: a user error (exit 2) with the file and line.
    Files.writeString(vocab, "{\"a\": 1,\n \"b\": }\n");
    UserError bad = assertThrows(UserError.class, files::tokenizer);
    assertTrue(bad.getMessage().contains("vocab.json:2"), bad.getMessage());

    // The same broken directory as tokenize.tokenizer.path: the stage stops before any Spark work.
    String badLoad =
        refusal(
            UserError.class,
            base.withOutput(tmp.resolve("out-bad").toString())
                .withTokenizer(
                    TokenizeConfig.Tokenizer.load("x", copy.resolve("tokenizer").toString())));
    assertTrue(badLoad.contains("vocab.json"), badLoad);
  }

  @Test
  void configErrorsNameTheKey() {
    TokenizeConfig c = TokenizeConfig.defaults(List.of("in"), "out");
    assertEquals(c, c.validate());
    assertRefusedNaming("tokenize.validationFraction", c.withSplit(1.5, 0));
    assertRefusedNaming(
        "tokenize.tokenizer.specialTokens",
        c.withTokenizer(
            new TokenizeConfig.Tokenizer("train", "x", 1000, List.of("<|pad|>"), 1, 2, "")));
    assertRefusedNaming(
        "tokenize.tokenizer.sampleFraction", c.withTokenizer(c.tokenizer().withSampleFraction(0)));
    assertRefusedNaming(
        "tokenize.tokenizer.path", c.withTokenizer(TokenizeConfig.Tokenizer.load("g", "")));
    assertRefusedNaming("tokenize.partitions", c.withPartitions(0));
  }

  /** {@code bad} fails validation with a message naming {@code key}. */
  private static void assertRefusedNaming(String key, TokenizeConfig bad) {
    String m = assertThrows(IllegalArgumentException.class, bad::validate).getMessage();
    assertTrue(m.contains(key), m);
  }

  /** The message of the {@code type} exception the stage stops with on {@code cfg}. */
  private static String refusal(Class<? extends Exception> type, TokenizeConfig cfg) {
    return assertThrows(type, () -> TokenizeStage.run(spark, cfg, QUIET)).getMessage();
  }
}

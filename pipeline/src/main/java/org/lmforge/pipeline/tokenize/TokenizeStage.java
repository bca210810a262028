package org.lmforge.pipeline.tokenize;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.types.DataTypes.StringType;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.util.SerializableConfiguration;
import org.lmforge.dataprep.tokenize.BpeTokenizer;
import org.lmforge.dataprep.tokenize.BpeTrainer;
import org.lmforge.dataprep.tokenize.BpeTrainerConfig;
import org.lmforge.dataprep.tokenize.DocSplit;
import org.lmforge.dataprep.tokenize.ShardManifest;
import org.lmforge.pipeline.clean.CleanSchema;
import org.lmforge.pipeline.io.AtomicOutput;
import org.lmforge.pipeline.io.Columns;
import org.lmforge.pipeline.io.Json;
import org.lmforge.pipeline.io.ParquetDir;
import org.lmforge.pipeline.job.Progress;
import org.lmforge.pipeline.job.UserError;
import org.lmforge.pipeline.tokenize.ShardWriterTask.PartitionOutput;
import org.lmforge.pipeline.tokenize.ShardWriterTask.WrittenShard;

/**
 * The tokenize stage: clean corpus (Parquet) to token shards.
 *
 * <ol>
 *   <li>read the kept documents ({@code drop_filter} null; optional language filter);
 *   <li>train: count pre-tokens of the training split on the executors ({@link PreTokenCounts}),
 *       learn the merges on the driver ({@link BpeTrainer}); or load a tokenizer ({@link
 *       ShardFiles#loadTokenizer});
 *   <li>save it to {@code <out>/tokenizer/}, broadcast it, and encode: documents go to partition
 *       {@code pmod(hash(id), partitions)}, sorted by id (then text), each partition writes its own
 *       shards per split ({@link ShardWriterTask}) as {@code
 *       <out>/<split>/part-<partition>-<n>.tok};
 *   <li>write {@code stats.json}, then {@code manifest.json}, and commit: everything above is
 *       written under a staging directory that becomes {@code <out>} with its completion marker
 *       ({@link AtomicOutput}).
 * </ol>
 *
 * The same input and config give byte-identical output, whatever the input's partitioning.
 */
public final class TokenizeStage {
  public static final String STATS = "stats.json";

  private TokenizeStage() {}

  public static TokenizeResult run(SparkSession spark, TokenizeConfig cfg, Progress progress)
      throws IOException {
    Configuration hconf = spark.sparkContext().hadoopConfiguration();
    TokenizeInputs.check(cfg, hconf);
    Dataset<Row> docs =
        readDocuments(spark, cfg); // reads the schema only: a wrong column fails before any output
    try (AtomicOutput out = // closing it after a failure removes the staging directory
        AtomicOutput.begin(cfg.output(), cfg.overwrite(), hconf, "tokenize.output")) {
      TokenizeResult result = write(spark, cfg, docs, out, progress);
      out.commit();
      return result;
    }
  }

  private static TokenizeResult write(
      SparkSession spark,
      TokenizeConfig cfg,
      Dataset<Row> docs,
      AtomicOutput out,
      Progress progress)
      throws IOException {
    Configuration hconf = spark.sparkContext().hadoopConfiguration();
    DocSplit split = new DocSplit(cfg.validationFraction(), cfg.splitSeed());
    TokenizeConfig.Tokenizer tc = cfg.tokenizer();

    long countMs = 0;
    long distinct = 0;
    long t0 = System.nanoTime();
    BpeTokenizer tok;
    if (tc.training()) {
      Map<String, Long> counts = PreTokenCounts.count(docs, split, tc.sampleFraction());
      countMs = millisSince(t0);
      distinct = counts.size();
      progress.printf("tokenize: counted %,d distinct pre-tokens in %,d ms", distinct, countMs);
      if (counts.isEmpty()) {
        throw UserError.of(
            "no text to train the tokenizer on in",
            cfg.input()
                + " (after the drop, language and "
                + "split filters and sampleFraction "
                + tc.sampleFraction()
                + ")",
            "check tokenize.input and " + "tokenize.languages");
      }
      t0 = System.nanoTime();
      tok =
          BpeTrainer.train(
              counts,
              new BpeTrainerConfig(
                  tc.name(), tc.vocabSize(), tc.specialTokens(), tc.minPairCount()));
    } else {
      tok = ShardFiles.loadTokenizer(tc.path(), tc.name(), tc.specialTokens(), hconf);
      if (tc.vocabSize() > 0 && tok.vocabSize() != tc.vocabSize()) {
        throw new UserError(
            "tokenizer "
                + tc.path()
                + " has a vocabulary of "
                + tok.vocabSize()
                + " ids but tokenize.tokenizer.vocabSize is "
                + tc.vocabSize()
                + "; set vocabSize = "
                + tok.vocabSize()
                + " (or 0 to accept any size), or load the tokenizer you meant");
      }
    }
    long mergeMs = millisSince(t0);
    if (tc.training() && tok.vocabSize() < tc.vocabSize()) {
      progress.printf(
          "tokenize: the merges ran out at %,d ids of the %,d asked (tokenize.tokenizer.vocabSize):"
              + " no pair of the training text occurs %d times or more (minPairCount); the"
              + " tokenizer has %,d ids",
          tok.vocabSize(), tc.vocabSize(), tc.minPairCount(), tok.vocabSize());
    }
    int eot =
        UserError.fromIllegalArgument(
            tok::endOfTextId); // a loaded tokenizer without <|endoftext|>: named
    progress.printf(
        "tokenize: tokenizer %s (%d ids, end of text %d) ready in %,d ms",
        tok.id(), tok.vocabSize(), eot, mergeMs);
    ShardFiles.saveTokenizer(tok, out.fs(), new Path(out.dir(), ShardFiles.TOKENIZER_DIR));

    t0 = System.nanoTime();
    Broadcast<BpeTokenizer> b =
        JavaSparkContext.fromSparkContext(spark.sparkContext()).broadcast(tok);
    List<PartitionOutput> parts;
    try {
      ShardWriterTask task =
          new ShardWriterTask(
              b,
              split,
              cfg.shardTokens(),
              out.dir().toString(),
              new SerializableConfiguration(hconf));
      parts =
          new ArrayList<>(
              ordered(docs, cfg.partitions())
                  .javaRDD()
                  .mapPartitionsWithIndex(task, false)
                  .collect());
    } finally {
      b.destroy();
    }
    parts.sort(Comparator.comparingInt(PartitionOutput::partition));
    Map<String, ShardManifest.Split> splits = commitShards(out, parts);
    long encodeMs = millisSince(t0);

    TokenizeResult result = result(parts, splits, tok, distinct, countMs, mergeMs, encodeMs);
    if (result.validation().tokens() == 0) {
      // pretrain and sweep evaluate on it and refuse shards without one: said now, not there
      progress.printf(
          "tokenize: note: the validation split is empty (tokenize.validationFraction = %s of %,d"
              + " documents); pretrain and sweep need one: raise tokenize.validationFraction",
          cfg.validationFraction(), result.documentsIn());
    }
    try (OutputStream o = out.fs().create(new Path(out.dir(), STATS), true)) {
      Json.PRETTY.writeValue(o, result);
    }
    try (OutputStream o = out.fs().create(new Path(out.dir(), ShardFiles.MANIFEST), true)) {
      ShardManifest.of(tok, splits).write(o);
    }
    return result;
  }

  /** Columns "id" (string) and "text" of the kept documents. */
  static Dataset<Row> readDocuments(SparkSession spark, TokenizeConfig cfg) {
    Dataset<Row> in =
        ParquetDir.read(
            spark,
            "the tokenize input",
            "point --input at one clean output's docs/ (repeat --input for several)",
            cfg.input().toArray(String[]::new));
    String on = String.join(", ", cfg.input());
    String fix = "point --input at a clean output's docs/, or set tokenize.%s to the right column";
    String role = "the tokenize input";
    StructType schema = in.schema();
    Columns.require(schema, role, on, cfg.textColumn(), StringType, fix.formatted("textColumn"));
    Columns.require(schema, role, on, cfg.idColumn(), null, fix.formatted("idColumn"));
    List<String> cols = Arrays.asList(in.columns());
    if (cols.contains(CleanSchema.DROP_FILTER))
      in = in.filter(col(CleanSchema.DROP_FILTER).isNull());
    if (!cfg.languages().isEmpty()) {
      if (!cols.contains(CleanSchema.LANGUAGE)) {
        throw new UserError(
            "tokenize.languages = "
                + cfg.languages()
                + " but input "
                + cfg.input()
                + " has no \""
                + CleanSchema.LANGUAGE
                + "\" column; set languages = [] or read the clean corpus");
      }
      in = in.filter(col(CleanSchema.LANGUAGE).isin(cfg.languages().toArray()));
    }
    return in.select(
        col(cfg.idColumn()).cast("string").as("id"),
        col(cfg.textColumn()).cast("string").as("text"));
  }

  /**
   * The encode order: {@code repartition(n, id)} puts each document in partition {@code
   * pmod(murmur3(id), n)} whatever the input's partitioning; within a partition documents are
   * sorted by id, then text (ids should be unique; the text only breaks ties deterministically).
   */
  static Dataset<Row> ordered(Dataset<Row> docs, int partitions) {
    return docs.repartition(partitions, col("id")).sortWithinPartitions(col("id"), col("text"));
  }

  /**
   * Moves each partition's files from its attempt dir to {@code <split>/}; returns the manifest's
   * splits.
   */
  private static Map<String, ShardManifest.Split> commitShards(
      AtomicOutput out, List<PartitionOutput> parts) throws IOException {
    Map<String, List<ShardManifest.Shard>> bySplit = new LinkedHashMap<>();
    bySplit.put(DocSplit.TRAIN, new ArrayList<>());
    bySplit.put(DocSplit.VALIDATION, new ArrayList<>());
    for (PartitionOutput p : parts) {
      for (WrittenShard w : p.shards()) {
        String rel = w.split() + "/" + w.name();
        Path to = new Path(out.dir(), rel);
        out.fs().mkdirs(to.getParent());
        if (!out.fs().rename(new Path(w.attemptPath()), to)) {
          throw new IOException("could not move shard " + w.attemptPath() + " to " + to);
        }
        bySplit
            .get(w.split())
            .add(new ShardManifest.Shard(rel, w.tokens(), w.utf8Bytes(), w.documents()));
      }
    }
    out.fs().delete(new Path(out.dir(), ShardWriterTask.ATTEMPTS), true);
    Map<String, ShardManifest.Split> splits = new LinkedHashMap<>();
    bySplit.forEach((k, v) -> splits.put(k, ShardManifest.Split.of(v)));
    return splits;
  }

  private static TokenizeResult result(
      List<PartitionOutput> parts,
      Map<String, ShardManifest.Split> splits,
      BpeTokenizer tok,
      long distinct,
      long countMs,
      long mergeMs,
      long encodeMs) {
    long in = 0, empty = 0, noId = 0;
    for (PartitionOutput p : parts) {
      in += p.documentsIn();
      empty += p.emptySkipped();
      noId += p.missingIdSkipped();
    }
    ShardManifest.Split tr = splits.get(DocSplit.TRAIN);
    ShardManifest.Split va = splits.get(DocSplit.VALIDATION);
    long bytes = tr.utf8Bytes() + va.utf8Bytes();
    long textTokens = tr.tokens() + va.tokens() - tr.documents() - va.documents();
    return new TokenizeResult(
        in,
        empty,
        noId,
        counts(tr),
        counts(va),
        tr.shards().size() + va.shards().size(),
        tok.id(),
        tok.vocabSize(),
        textTokens == 0 ? 0 : (double) bytes / textTokens,
        distinct,
        countMs,
        mergeMs,
        encodeMs);
  }

  private static TokenizeResult.SplitCounts counts(ShardManifest.Split s) {
    return new TokenizeResult.SplitCounts(
        s.documents(), s.tokens(), s.utf8Bytes(), s.shards().size());
  }

  private static long millisSince(long t0) {
    return (System.nanoTime() - t0) / 1_000_000;
  }
}

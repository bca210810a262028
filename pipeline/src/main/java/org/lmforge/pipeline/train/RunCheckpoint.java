package org.lmforge.pipeline.train;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.ChecksumException;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.lmforge.dataprep.tokenize.BpeTokenizer;
import org.lmforge.dataprep.tokenize.ShardManifest;
import org.lmforge.model.checkpoint.Checkpoint;
import org.lmforge.model.gpt.Gpt;
import org.lmforge.model.gpt.GptConfig;
import org.lmforge.pipeline.io.InputFiles;
import org.lmforge.pipeline.io.OutputKind;
import org.lmforge.pipeline.job.UserError;
import org.lmforge.pipeline.job.UserPaths;
import org.lmforge.pipeline.sweep.SweepRunner;
import org.lmforge.pipeline.tokenize.ShardFiles;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * A run directory of the pretrain job, opened for use: {@code run.json} (the job's configuration),
 * the weights of {@code checkpoints/last.ckpt}, and the tokenizer saved in the token directory the
 * run trained on ({@code config.tokens}/tokenizer, checked against that directory's manifest and
 * run.json's tokenizer id). Any Hadoop path. Every mistake is a {@link UserError} naming the file
 * and the fix.
 *
 * @param run the run directory
 * @param tokens the token directory (run.json's {@code config.tokens}, or the override)
 * @param checkpoint the last checkpoint: architecture, weights, step
 * @param tokenizer the run's BPE
 * @param manifest the token directory's manifest (bytes per token of the training corpus)
 * @param evalTokens the run's {@code evalTokens}: validation tokens per evaluation
 * @param batchSize the run's {@code optim.batchSize}: sequences per evaluation batch
 */
public record RunCheckpoint(
    String run,
    String tokens,
    Checkpoint checkpoint,
    BpeTokenizer tokenizer,
    ShardManifest manifest,
    int evalTokens,
    int batchSize) {
  public static final String RUN_JSON = OutputKind.RUN.marker();
  public static final String CHECKPOINTS = "checkpoints";
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The fix for every mismatch between the run and its token directory. */
  private static final String TOKENS_FIX =
      "pass --tokens DIR with the tokenize output the run was trained on";

  /** {@code run}'s checkpoints/last.ckpt. */
  private static Path lastCheckpoint(Path run) {
    return new Path(new Path(run, CHECKPOINTS), PretrainRun.CHECKPOINT);
  }

  /**
   * Where the runs are when {@code dir} is not one: a sweep's runs/, or a directory of run
   * directories (the sweep's runs/ itself, a parent of several pretrain outputs); empty otherwise.
   */
  private static String runHint(FileSystem fs, Path dir) throws IOException {
    Path runs = new Path(dir, SweepRunner.RUNS);
    Path first = fs.isDirectory(runs) ? firstRun(fs, runs) : null;
    if (first != null) {
      return " (this is a sweep: its runs are under " + runs + ", e.g. --run " + first + ")";
    }
    first = firstRun(fs, dir);
    return first == null ? "" : " (runs are below it, e.g. --run " + first + ")";
  }

  /** The first directory under {@code parent}, by name, with a checkpoint, or null. */
  private static Path firstRun(FileSystem fs, Path parent) throws IOException {
    org.apache.hadoop.fs.FileStatus[] children = fs.listStatus(parent);
    java.util.Arrays.sort(
        children); // listing order is the filesystem's; name the same run each time
    for (org.apache.hadoop.fs.FileStatus st : children) {
      if (st.isDirectory() && fs.exists(lastCheckpoint(st.getPath()))) return st.getPath();
    }
    return null;
  }

  /**
   * Opens {@code runDir}; {@code tokensOverride} (null: run.json's) points at the token directory
   * when the run's was moved or was relative to another working directory.
   */
  public static RunCheckpoint open(String runDir, String tokensOverride, Configuration conf)
      throws IOException {
    Path dir = InputFiles.path(runDir, "--run");
    FileSystem fs =
        UserPaths.existing(
            dir,
            conf,
            "--run " + runDir,
            "does not exist",
            "point --run at a run directory of the pretrain job (its --output, or"
                + " work/sweep/runs/<run_id>)");
    Path ckpt = lastCheckpoint(dir);
    if (!fs.exists(ckpt)) {
      OutputKind kind = OutputKind.of(fs, dir);
      throw new UserError(
          runDir
              + " has no "
              + CHECKPOINTS
              + "/"
              + PretrainRun.CHECKPOINT
              + (kind == null || kind == OutputKind.RUN
                  ? "; it is not a finished or started pretrain run"
                  : "; it is " + kind.label() + ", not a pretrain run")
              + ": point --run at a run directory"
              + runHint(fs, dir));
    }
    Path runJson = new Path(dir, RUN_JSON);
    if (!fs.exists(runJson)) {
      throw UserError.of(
          runDir + " has a checkpoint but no " + RUN_JSON,
          "(the pretrain job writes it first)",
          "point --run at a run directory written by this project's pretrain job");
    }
    JsonNode meta;
    try (InputStream in = fs.open(runJson)) {
      meta = JSON.readTree(in);
    } catch (ChecksumException e) {
      // Hadoop's local file system keeps a .crc beside each file it writes: an edit by hand breaks
      // it
      throw UserError.of(
          runJson + " was changed after the pretrain job wrote it",
          "(it no longer matches .run.json.crc)",
          "undo the edit, or delete .run.json.crc beside it to keep the edited file; pass --tokens"
              + " DIR instead of editing config.tokens");
    } catch (IOException e) {
      throw UserError.of(
          "cannot read " + runJson + ":",
          // Jackson's problem without its location block (new lines quoting the input)
          e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage(),
          "point --run at a run directory written by this project's pretrain job");
    }
    JsonNode config = meta.path("config");
    String tokens = tokensOverride != null ? tokensOverride : config.path("tokens").asText(null);
    if (tokens == null || tokens.isBlank()) {
      throw UserError.of(
          runJson + " names no token directory",
          "(config.tokens)",
          "pass --tokens DIR, the tokenize " + "output the run was trained on");
    }
    if (tokensOverride == null) tokens = locate(tokens, dir, conf);
    ShardFiles shards =
        openTokens(tokens, tokensOverride == null ? runJson + " config.tokens" : "--tokens", conf);
    BpeTokenizer tok;
    try {
      tok = shards.tokenizer();
    } catch (IOException | IllegalArgumentException e) {
      throw UserError.of(
          "cannot load the tokenizer of " + tokens, "(" + e.getMessage() + ")", TOKENS_FIX);
    }
    String runTokenizer = meta.path("tokenizer").asText(tok.id());
    if (!runTokenizer.equals(tok.id())) {
      throw UserError.of(
          "the run was trained with tokenizer "
              + runTokenizer
              + " but "
              + tokens
              + " holds "
              + tok.id(),
          "(" + runJson + ")",
          TOKENS_FIX);
    }
    Checkpoint ck;
    try {
      ck =
          Checkpoint.read(
              new HadoopCheckpointStore(new Path(dir, CHECKPOINTS).toString(), conf),
              PretrainRun.CHECKPOINT);
    } catch (ChecksumException e) {
      throw UserError.of(
          "the checkpoint " + ckpt + " is damaged:",
          "its bytes do not match the checksum written with it (" + e.getMessage() + ")",
          "use another run, or train this one again (pretrain --overwrite)");
    } catch (IOException e) {
      throw new UserError(
          e.getMessage() + "; point --run at a run directory of this project's pretrain job", e);
    }
    if (ck.config().vocabSize() != tok.vocabSize()) {
      throw UserError.of(
          "checkpoint " + ckpt + " has vocabSize " + ck.config().vocabSize(),
          "but the tokenizer of " + tokens + " has " + tok.vocabSize(),
          TOKENS_FIX);
    }
    return new RunCheckpoint(
        runDir,
        tokens,
        ck,
        tok,
        shards.manifest(),
        config.path("evalTokens").asInt(16384),
        Math.max(1, config.path("optim").path("batchSize").asInt(4)));
  }

  /**
   * run.json keeps config.tokens as given, often relative to the directory the pretrain job ran in
   * ({@code work/tokens}). When that does not resolve from here, it is tried against each directory
   * above the run ({@code work/sweep/runs/<id>} -> {@code work/sweep/runs}, {@code work/sweep},
   * {@code work}, the checkout), so the commands work from any directory. A wrong match is
   * harmless: the tokenizer id is checked next.
   */
  private static String locate(String tokens, Path runDir, Configuration conf) throws IOException {
    Path t = InputFiles.path(tokens, "run.json config.tokens");
    FileSystem fs = t.getFileSystem(conf);
    if (t.isAbsolute()
        || t.toUri().getScheme() != null
        || fs.exists(new Path(t, ShardFiles.MANIFEST))) return tokens;
    for (Path up = fs.makeQualified(runDir).getParent(); up != null; up = up.getParent()) {
      Path candidate = new Path(up, tokens);
      if (fs.exists(new Path(candidate, ShardFiles.MANIFEST))) return candidate.toString();
    }
    return tokens;
  }

  private static ShardFiles openTokens(String tokens, String where, Configuration conf)
      throws IOException {
    Path m = new Path(InputFiles.path(tokens, where), ShardFiles.MANIFEST);
    if (!m.getFileSystem(conf).exists(m)) {
      throw UserError.of(
          "the run's token directory " + tokens,
          "(" + where + ") has no " + ShardFiles.MANIFEST,
          TOKENS_FIX + " (its tokenizer/ is the run's BPE)");
    }
    return ShardFiles.open(tokens, conf);
  }

  public GptConfig config() {
    return checkpoint.config();
  }

  /**
   * The model with the checkpoint's weights, in {@code type}: FLOAT is what training and its
   * evaluations ran in; DOUBLE makes the cached and uncached generation paths agree to ~1e-12
   * instead of ~1e-6.
   */
  public Gpt model(DataType type) {
    GptConfig c = checkpoint.config().withDropout(0);
    Gpt g = new Gpt(c, checkpoint.seed(), type);
    if (checkpoint.params().length() != g.flatLength()) {
      throw new IllegalStateException(
          "checkpoint of "
              + run
              + " holds "
              + checkpoint.params().length()
              + " parameters, its architecture "
              + c
              + " has "
              + g.flatLength());
    }
    g.params().assign(checkpoint.params().reshape(g.flatLength()).castTo(type));
    g.tieWeights();
    return g;
  }

  /** One line for the person running the command. */
  public String describe() {
    GptConfig c = config();
    return String.format(
        java.util.Locale.ROOT,
        "run %s: step %d, %d layers x %d heads x d%d, context %d, %,d "
            + "parameters; tokenizer %s (vocab %d)",
        run,
        checkpoint.step(),
        c.nLayer(),
        c.nHead(),
        c.dModel(),
        c.contextLength(),
        c.parameterCount(),
        tokenizer.id(),
        tokenizer.vocabSize());
  }
}

package org.lmforge.pipeline.train;

import java.io.IOException;
import java.io.InputStream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.lmforge.dataprep.tokenize.ShardManifest;
import org.lmforge.pipeline.clean.CleanOutput;
import org.lmforge.pipeline.io.AtomicOutput;
import org.lmforge.pipeline.io.InputFiles;
import org.lmforge.pipeline.io.OutputKind;
import org.lmforge.pipeline.job.UserError;
import org.lmforge.pipeline.job.UserPaths;
import org.lmforge.pipeline.tokenize.ShardFiles;

/**
 * Checks of what pretrain and sweep read and write, before any Spark work, each mistake a {@link
 * UserError} naming the path and the fix: the token shards ({@link #check}), the run directory
 * ({@link #checkOutput}), and a run another command reads a checkpoint of ({@link #checkRun}).
 */
public final class PretrainInputs {
  private PretrainInputs() {}

  private static final String FIX = ShardFiles.HOW_TO_MAKE + " as --tokens";

  /**
   * {@code tokensDir} is a finished tokenize output: a directory with a readable manifest.json, the
   * tokenizer and every shard the manifest lists.
   */
  public static void check(String tokensDir, Configuration conf) throws IOException {
    if (tokensDir == null || tokensDir.isBlank()) {
      throw UserError.of(
          "no token shards given:", "--tokens (pretrain.tokens / sweep.tokens) is empty", FIX);
    }
    Path root = InputFiles.path(tokensDir, "--tokens");
    FileSystem fs =
        UserPaths.existing(root, conf, "the token shards do not exist:", tokensDir, FIX);
    if (fs.getFileStatus(root).isFile()) {
      throw UserError.of("a file, not a tokenize output directory:", tokensDir, FIX);
    }
    Path manifest = new Path(root, ShardFiles.MANIFEST);
    if (!fs.exists(manifest)) {
      throw notATokenizeOutput(fs, root, tokensDir);
    }
    ShardManifest m;
    try (InputStream in = fs.open(manifest)) {
      m = ShardManifest.read(in, manifest.toString());
    } catch (IOException | RuntimeException e) {
      throw UserError.of(
          "the token shards' manifest does not parse:",
          manifest + " (" + e.getMessage() + ")",
          "re-run the tokenize job with --overwrite");
    }
    if (!fs.exists(new Path(root, ShardFiles.TOKENIZER_DIR))) {
      throw UserError.of(
          "incomplete token shards: no " + ShardFiles.TOKENIZER_DIR + "/ in",
          tokensDir,
          "re-run the tokenize job with --overwrite");
    }
    for (String split : new String[] {"train", "validation"}) {
      ShardManifest.Split s;
      try {
        s = m.split(split);
      } catch (RuntimeException e) {
        throw UserError.of(
            "the token shards have no " + split + " split:",
            manifest.toString(),
            "re-run the tokenize job with --overwrite");
      }
      for (ShardManifest.Shard shard : s.shards()) {
        Path p = new Path(root, shard.path());
        if (!fs.exists(p)) {
          throw UserError.of(
              "incomplete token shards: "
                  + shard.path()
                  + " is listed in the manifest but missing in",
              tokensDir,
              "re-run the tokenize job with --overwrite");
        }
      }
    }
  }

  private static UserError notATokenizeOutput(FileSystem fs, Path root, String tokensDir)
      throws IOException {
    if (AtomicOutput.stagingOf(fs, fs.makeQualified(root)) != null) {
      return UserError.of(
          "unfinished token shards (no "
              + ShardFiles.MANIFEST
              + "; the tokenize job was killed or "
              + "is still running):",
          tokensDir,
          "wait for it, or re-run it with --overwrite");
    }
    Path clean =
        root.getName().equals(CleanOutput.DOCS) && root.getParent() != null
            ? root.getParent()
            : root;
    if (CleanOutput.isComplete(fs, clean)) {
      return UserError.of(
          "a clean output, not token shards:",
          tokensDir,
          "tokenize it first (bin/pipeline tokenize "
              + "--input "
              + new Path(clean, CleanOutput.DOCS)
              + " --output work/tokens) and pass --tokens work/tokens");
    }
    OutputKind kind = OutputKind.of(fs, root);
    if (kind == OutputKind.RUN || kind == OutputKind.SWEEP) {
      return UserError.of(kind.label() + ", not token shards:", tokensDir, FIX);
    }
    Path parent = root.getParent();
    if (parent != null && OutputKind.of(fs, parent) == OutputKind.TOKENS) {
      return UserError.of(
          "one split of a tokenize output, not the output:",
          tokensDir,
          "pass the directory that holds " + ShardFiles.MANIFEST + ": --tokens " + parent);
    }
    for (FileStatus child : fs.listStatus(root)) {
      if (child.isDirectory() && fs.exists(new Path(child.getPath(), ShardFiles.MANIFEST))) {
        return UserError.of(
            "not a tokenize output (no " + ShardFiles.MANIFEST + "):",
            tokensDir,
            "did you mean --tokens " + child.getPath() + "?");
      }
    }
    return UserError.of("not a tokenize output (no " + ShardFiles.MANIFEST + "):", tokensDir, FIX);
  }

  /**
   * The run directory can be written: absent for a new run, present for {@code resume} (a run
   * directory, with run.json), anything with {@code overwrite}.
   */
  public static void checkOutput(
      String output, boolean resume, boolean overwrite, Configuration conf) throws IOException {
    Path out = InputFiles.path(output, "--output");
    FileSystem fs = out.getFileSystem(conf);
    boolean exists = fs.exists(out);
    if (resume) {
      if (!exists) {
        throw UserError.of(
            "--resume: no run to resume at",
            output,
            "run without --resume to start a new run there");
      }
      if (!fs.exists(new Path(out, OutputKind.RUN.marker()))) {
        throw UserError.of(
            "--resume: not a pretrain run (no run.json):",
            output,
            "give the --output of the run to continue, or run without --resume and another --output");
      }
    } else if (exists && !overwrite) {
      throw UserError.of(
          "the output already exists:",
          output,
          "pass --resume to continue the run there, --overwrite to start over, or choose another --output");
    }
  }

  private static final String RUN_FIX =
      "give the --output of a pretrain run (or a sweep's runs/<run_id>)";

  /**
   * {@code runDir} is a pretrain run with a checkpoint (for commands that read the trained model).
   */
  public static void checkRun(String runDir, Configuration conf) throws IOException {
    Path run = InputFiles.path(runDir, "--run");
    FileSystem fs = UserPaths.existing(run, conf, "no such run:", runDir, RUN_FIX);
    if (!fs.exists(new Path(run, OutputKind.RUN.marker()))) {
      throw UserError.of("not a pretrain run (no run.json):", runDir, RUN_FIX);
    }
    if (!fs.exists(new Path(new Path(run, "checkpoints"), PretrainRun.CHECKPOINT))) {
      throw UserError.of(
          "a run without a checkpoint (no checkpoints/" + PretrainRun.CHECKPOINT + "):",
          runDir,
          "let it reach its first checkpoint (pretrain.checkpointInterval), or resume it: bin/pipeline pretrain "
              + "--output "
              + runDir
              + " --resume");
    }
  }
}

package org.lmforge.jobs;

import com.typesafe.config.Config;
import java.util.List;
import org.lmforge.config.ConfigBinder;
import org.lmforge.pipeline.clean.CleanConfig;
import org.lmforge.pipeline.clean.CleanJob;
import org.lmforge.pipeline.job.Job;
import org.lmforge.pipeline.sample.SampleWarcJob;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code pipeline clean}: crawl files to a clean Parquet corpus with stats, quarantine and drop
 * table.
 */
@Command(
    name = "clean",
    description =
        "Read WARC/WET files, extract main text, identify language, filter, dedupe, write Parquet.")
public final class CleanCommand extends JobCommand {
  @Mixin CleanInputs input = new CleanInputs();

  @Mixin OutputOption out = new OutputOption();

  @Option(names = "--keep-dropped", description = "Also write dropped documents with their reason.")
  @Replaces("keepDropped")
  boolean keepDropped;

  @Mixin OverwriteOption replace = new OverwriteOption();

  @Override
  List<Job<?>> jobs() {
    return List.of(cleanJob());
  }

  /**
   * The job these options and conf/clean.conf (with --config and --conf) describe (public for
   * CleanBench).
   */
  public CleanJob cleanJob() {
    Config c = config();
    CleanJob.Sample sample = ConfigBinder.bind(c, "clean.sample", CleanJob.Sample.class);
    CleanConfig cfg = ConfigBinder.bind(c.withoutPath("clean.sample"), "clean", CleanConfig.class);
    return new CleanJob(
        cfg,
        input.samplePages == null
            ? sample.count()
            : SampleWarcJob.pages("--sample-pages", input.samplePages));
  }
}

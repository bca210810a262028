package org.lmforge.jobs;

import com.typesafe.config.Config;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.Callable;
import org.lmforge.pipeline.job.Job;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * A command that runs the jobs its options and its {@code conf/<name>.conf} describe (clean,
 * tokenize, pretrain, sweep): each checked, then run, on --master, as {@link Launch} runs them. The
 * name is the command's own ({@code @Command(name)}): the same for its Spark application and its
 * settings file.
 */
abstract class JobCommand implements Callable<Integer>, SettingsCommand {
  @Mixin JobOptions job = new JobOptions();

  /** The jobs to run, in order. */
  abstract List<Job<?>> jobs() throws IOException;

  @Override
  public final Integer call() throws Exception {
    Launch.run(name(), job.master(), jobs(), false);
    return 0;
  }

  /**
   * The command's settings: its defaults, then --config, then --conf, then the options that replace
   * a setting ({@link Replaces}).
   */
  final Config config() {
    return job.load(section(), this);
  }

  /** The command's name: its settings file and section, and its Spark application's name. */
  @Override
  public String section() {
    return name();
  }

  /** Read from the annotation, so that a command built by another (all) has it too. */
  private String name() {
    return getClass().getAnnotation(Command.class).name();
  }
}

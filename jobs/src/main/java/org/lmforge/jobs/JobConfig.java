package org.lmforge.jobs;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigRenderOptions;
import com.typesafe.config.ConfigValueFactory;
import java.io.File;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.lmforge.config.ConfigBinder;
import org.lmforge.config.Defaults;

/**
 * Loads a job's configuration: the defaults {@code conf/<job>.conf} shipped in the jar (the same
 * files as the repository's conf/), then an optional user file, then {@code --conf key=value}
 * overrides (HOCON values: numbers, true/false, "strings", [lists]), then the settings the
 * command's own options replace ({@code --output} for {@code tokenize.output}). Later sources win.
 */
public final class JobConfig {
  private JobConfig() {}

  public static Config load(String job, String userFile, List<String> overrides) {
    return load(job, userFile, overrides, Map.of());
  }

  /**
   * As {@link #load(String, String, List)}, then {@code options}: key to value (a String, Boolean,
   * Number or List of them) for each setting an option of the command replaces. Set before the
   * settings are bound, so that they are checked, printed and recorded as any other setting: a
   * record changed after binding printed {@code "law":"auto"} for {@code fit-scaling --law kaplan}.
   */
  public static Config load(
      String job, String userFile, List<String> overrides, Map<String, ?> options) {
    Config merged = Defaults.shipped(job);
    if (userFile != null) {
      File f = new File(userFile);
      if (!f.isFile()) {
        throw new ConfigBinder.BadConfigException(
            "--config "
                + userFile
                + (f.isDirectory()
                    ? " is a directory; give a HOCON settings file, e.g. conf/demo.conf"
                    : ": no such file" + whereToLook(f)));
      }
      Config file;
      try {
        file = ConfigFactory.parseFile(f);
      } catch (ConfigException e) {
        // Typesafe's message names the file and line; exit 2, as for any settings mistake
        throw new ConfigBinder.BadConfigException(
            "--config " + userFile + " is not valid HOCON: " + e.getMessage());
      }
      requireKnownSections(file, "--config " + userFile);
      merged = file.withFallback(merged);
    }
    for (String o : overrides) {
      int eq = o.indexOf('=');
      if (eq <= 0) {
        throw new ConfigBinder.BadConfigException(
            "--conf '" + o + "' must be KEY=VALUE, e.g. --conf " + job + ".output=/tmp/out");
      }
      String key = o.substring(0, eq).strip();
      String value = o.substring(eq + 1).strip();
      Config one;
      try {
        one = ConfigFactory.parseString(key + " = " + value);
      } catch (ConfigException e) {
        // a bare string with characters HOCON reserves (paths with ':' or '*'): take it literally
        one =
            ConfigFactory.parseString(
                key + " = " + com.typesafe.config.ConfigUtil.quoteString(value));
      }
      requireKnownSections(one, "--conf '" + o + "'");
      merged = one.withFallback(merged);
    }
    for (Map.Entry<String, ?> o : options.entrySet()) {
      merged = merged.withValue(o.getKey(), ConfigValueFactory.fromAnyRef(o.getValue()));
    }
    try {
      // a substitution the settings do not define is read from the environment (HOCON; Typesafe's
      // default resolve options)
      return merged.resolve();
    } catch (ConfigException.UnresolvedSubstitution e) {
      // "${x}" that nothing defines: Typesafe's message names the file (or String for --conf)
      throw new ConfigBinder.BadConfigException(
          e.getMessage()
              + "; define the substitution in the settings or as an environment variable, or quote"
              + " the value if the '${' is meant literally");
    }
  }

  /**
   * Where a relative settings path was looked for, and the project's copy when there is one: the
   * README's {@code --config conf/demo.conf} typed in another directory (bin/pipeline passes the
   * project directory as {@code lmforge.home}).
   */
  private static String whereToLook(File f) {
    if (f.isAbsolute()) return "";
    String home = System.getProperty("lmforge.home");
    File inHome = home == null ? null : new File(home, f.getPath());
    return " in "
        + new File("").getAbsolutePath()
        + (inHome != null && inHome.isFile()
            ? "; did you mean " + inHome.getAbsolutePath() + "?"
            : "; give the file's full path");
  }

  /** The sections of the shipped settings: what a user's file or --conf may set. */
  static final Set<String> SECTIONS = sections("clean", "tokenize", "pretrain", "sweep", "fit");

  private static Set<String> sections(String... files) {
    Set<String> s = new TreeSet<>();
    for (String f : files) s.addAll(Defaults.shipped(f).root().keySet());
    return s;
  }

  /**
   * Every top-level key the user wrote is a section some command reads: a misspelt one ({@code
   * pretrian { optim.maxSteps = 3 }}) was ignored, and the job ran on its defaults.
   */
  private static void requireKnownSections(Config user, String where) {
    for (String key : user.root().keySet()) {
      if (!SECTIONS.contains(key)) {
        throw new ConfigBinder.BadConfigException(
            where
                + ": unknown settings section '"
                + key
                + "'"
                + ConfigBinder.suggestion(key, SECTIONS)
                + "; the sections are "
                + String.join(", ", SECTIONS)
                + " (conf/<section>.conf)");
      }
    }
  }

  /**
   * The settings a command runs with, one line ({@code fit {"bootstrap":200,...}}): the values as
   * used, without conf/'s comments, which printed a page before every result.
   */
  public static String render(Config c, String path) {
    return path + " " + c.getConfig(path).root().render(ConfigRenderOptions.concise());
  }
}

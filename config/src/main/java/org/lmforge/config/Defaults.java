package org.lmforge.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigParseOptions;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The shipped defaults: a section of {@code conf/<file>.conf} (the repository's conf/, packed into
 * this module's jar) bound to its record. Default values live only in those files; a record's
 * {@code defaults()} reads its section here instead of repeating the numbers in Java, so library
 * callers and tests run on exactly what the jobs run on.
 */
public final class Defaults {
  private static final Map<String, Config> FILES = new ConcurrentHashMap<>();

  private Defaults() {}

  /** e.g. {@code Defaults.of("filters", "filters.c4", C4Config.class)}. */
  public static <R extends Record> R of(String file, String path, Class<R> type) {
    return ConfigBinder.bind(shipped(file).resolve(), path, type);
  }

  /**
   * The whole shipped file, includes read, substitutions not yet resolved: the base a job's user
   * file and {@code --conf} overrides are layered on ({@code JobConfig}).
   */
  public static Config shipped(String file) {
    return FILES.computeIfAbsent(
        file,
        f ->
            ConfigFactory.parseResources(
                "conf/" + f + ".conf", ConfigParseOptions.defaults().setAllowMissing(false)));
  }
}

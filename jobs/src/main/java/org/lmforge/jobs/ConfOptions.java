package org.lmforge.jobs;

import com.typesafe.config.Config;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The settings options: a user file and key overrides on top of the command's {@code conf/} file.
 */
public class ConfOptions {
  @Option(
      names = "--conf",
      paramLabel = "KEY=VALUE",
      description = "Override a configuration key, e.g. --conf clean.output=/tmp/out (repeatable).")
  public List<String> overrides = new ArrayList<>();

  @Option(
      names = "--config",
      paramLabel = "FILE",
      description = "A HOCON file with overrides of the defaults.")
  public String configFile;

  /** The settings of {@code job}: conf/{@code job}.conf, then --config, then --conf. */
  public Config load(String job) {
    return JobConfig.load(job, configFile, overrides);
  }

  /**
   * As {@link #load(String)}, then the settings {@code command}'s options replace ({@link
   * #replacedBy}).
   */
  public Config load(String job, Object command) {
    return JobConfig.load(job, configFile, overrides, replacedBy(job, command));
  }

  /**
   * The settings the options of {@code command} (and of its mixins) replace, {@code section.key} to
   * value: each field marked {@link Replaces} that was given. Not given: null, an empty list, or a
   * false flag (a flag cannot unset a true setting).
   */
  static Map<String, Object> replacedBy(String section, Object command) {
    Map<String, Object> settings = new LinkedHashMap<>();
    for (Class<?> c = command.getClass(); c != Object.class; c = c.getSuperclass()) {
      for (Field f : c.getDeclaredFields()) {
        Replaces r = f.getAnnotation(Replaces.class);
        boolean mixin = f.isAnnotationPresent(Mixin.class);
        if (r == null && !mixin) continue; // read only options and mixins
        Object value = read(f, command);
        if (mixin && value != null) {
          settings.putAll(replacedBy(section, value));
        }
        boolean given =
            value != null
                && !Boolean.FALSE.equals(value)
                && !(value instanceof Collection<?> list && list.isEmpty());
        if (r != null && given) settings.put(section + "." + r.value(), value);
      }
    }
    return settings;
  }

  private static Object read(Field f, Object owner) {
    try {
      f.setAccessible(true);
      return f.get(owner);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException("cannot read option " + f, e);
    }
  }

  /** These options as a command line, to give another command the same settings. */
  public List<String> args() {
    List<String> args = new ArrayList<>();
    if (configFile != null) {
      args.addAll(List.of("--config", configFile));
    }
    overrides.forEach(o -> args.addAll(List.of("--conf", o)));
    return args;
  }
}

package org.lmforge.jobs;

import java.util.ArrayList;
import java.util.List;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.Appender;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.ConsoleAppender;
import org.apache.logging.log4j.core.appender.FileAppender;
import org.apache.logging.log4j.core.appender.RandomAccessFileAppender;
import org.apache.logging.log4j.core.appender.RollingFileAppender;
import org.apache.logging.log4j.core.appender.RollingRandomAccessFileAppender;
import org.apache.logging.log4j.core.config.LoggerConfig;

/**
 * Where a logger's lines end up, read from the running log4j configuration: {@code bin/pipeline}
 * uses conf/log4j2.properties (stderr), spark-submit the cluster's (the driver's stderr or a file;
 * on YARN the driver container's log). Said on the console next to a failure, so that "see the log"
 * names a place.
 */
final class LogDestination {
  private LogDestination() {}

  /**
   * E.g. "stderr" or "/var/log/spark/driver.log"; null when log4j is not the slf4j backend or has
   * no appender.
   */
  static String of(Class<?> logger) {
    try {
      if (!(LogManager.getContext(false) instanceof LoggerContext ctx)) {
        return null;
      }
      List<String> places = new ArrayList<>();
      // a logger writes to its own appenders and, while additive, to those of every parent up to
      // the root
      for (LoggerConfig c = ctx.getConfiguration().getLoggerConfig(logger.getName());
          c != null;
          c = c.isAdditive() ? c.getParent() : null) {
        for (Appender a : c.getAppenders().values()) {
          String p = place(a);
          if (!places.contains(p)) places.add(p);
        }
      }
      return places.isEmpty() ? null : String.join(" and ", places);
    } catch (LinkageError | RuntimeException e) { // another slf4j backend, or log4j-core missing
      return null;
    }
  }

  private static String place(Appender a) {
    if (a instanceof ConsoleAppender c) {
      return c.getTarget() == ConsoleAppender.Target.SYSTEM_OUT ? "stdout" : "stderr";
    }
    if (a instanceof FileAppender f) return f.getFileName();
    if (a instanceof RollingFileAppender f) return f.getFileName();
    if (a instanceof RandomAccessFileAppender f) return f.getFileName();
    if (a instanceof RollingRandomAccessFileAppender f) return f.getFileName();
    return "log4j appender " + a.getName();
  }
}

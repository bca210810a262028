package org.lmforge.pipeline;

import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A test class's local Spark session ({@link TestSessions#local}), started before the class's own
 * {@code @BeforeAll} methods and stopped after its last test, so a test class does not repeat the
 * start and stop: {@code @RegisterExtension static final LocalSpark SPARK = new
 * LocalSpark("my-test");}.
 */
public class LocalSpark implements BeforeAllCallback, AfterAllCallback {
  private final String appName;
  private SparkSession session;

  public LocalSpark(String appName) {
    this.appName = appName;
  }

  /** The session; started once the class's tests begin. */
  public SparkSession session() {
    if (session == null)
      throw new IllegalStateException(appName + ": the session starts with the test class");
    return session;
  }

  /** What a fixture prepares on the new session (nothing here). */
  protected void started(SparkSession spark) throws Exception {}

  /** What a fixture cleans up before the session stops (nothing here). */
  protected void stopping() throws Exception {}

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    session = TestSessions.local(appName);
    started(session);
  }

  @Override
  public void afterAll(ExtensionContext context) throws Exception {
    try {
      stopping();
    } finally {
      if (session != null) session.stop();
      session = null;
    }
  }
}

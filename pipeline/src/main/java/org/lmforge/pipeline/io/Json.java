package org.lmforge.pipeline.io;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * The JSON files the jobs write for people as well as programs (run.json, summary.json, plan.json,
 * stats.json, the prediction): indented. One mapper, shared: Jackson's is thread-safe once
 * configured, so nothing may reconfigure it.
 */
public final class Json {
  private Json() {}

  public static final ObjectMapper PRETTY =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
}

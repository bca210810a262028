package org.lmforge.pipeline.filter;

import java.util.Iterator;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Row;
import scala.collection.JavaConverters;

/**
 * Maps the rows of a partition one by one with a helper built once per partition, on the executor:
 * a filter chain or a PII redactor costs too much to build per row and is not shipped with the
 * function. Lazy, so a partition is never held in memory.
 *
 * @param <H> the per-partition helper
 */
public abstract class PartitionMapper<H> implements MapPartitionsFunction<Row, Row> {
  private static final long serialVersionUID = 1L;

  /** The helper for one partition. */
  protected abstract H open();

  /** The output row for {@code row}. */
  protected abstract Row map(H helper, Row row);

  @Override
  public final Iterator<Row> call(Iterator<Row> rows) {
    H helper = open();
    return JavaConverters.asJavaIterator(
        JavaConverters.asScalaIterator(rows).map(row -> map(helper, row)));
  }
}

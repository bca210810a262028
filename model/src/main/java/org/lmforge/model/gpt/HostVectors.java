package org.lmforge.model.gpt;

import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * An ND4J array's elements as a Java NIO buffer, for the few loops that are cheaper in Java than as
 * ND4J calls: row gathers and scatter-adds (ND4J's pullRows/scatterUpdate recompute
 * tensor-along-dimension shapes on every call and took over a third of a small model's step) and
 * the fused AdamW update. Only dense arrays qualify.
 */
public final class HostVectors {
  private HostVectors() {}

  /**
   * True when every array is of the given type (float or double), laid out densely (row-major 'c'
   * or column-major 'f', unit element-wise stride) and addressable by an int index: its elements
   * are then exactly {@link #floats}/{@link #doubles}, in the array's own ordering.
   */
  public static boolean dense(DataType type, INDArray... xs) {
    if (type != DataType.FLOAT && type != DataType.DOUBLE) return false;
    for (INDArray x : xs) {
      if (x.dataType() != type
          || x.length() >= Integer.MAX_VALUE / 2
          || x.offset() != x.data().offset()
          || x.elementWiseStride() != 1) {
        return false;
      }
    }
    return true;
  }

  /** Buffer index step between consecutive rows of a dense 2-D array ({@link #dense}). */
  public static int rowStride(INDArray m) {
    return m.ordering() == 'c' ? (int) m.size(1) : 1;
  }

  /** Buffer index step between consecutive columns of a dense 2-D array ({@link #dense}). */
  public static int columnStride(INDArray m) {
    return m.ordering() == 'c' ? 1 : (int) m.size(0);
  }

  // ND4J's NIO view spans the whole allocation, positioned at the array's offset (a view such as
  // one layer's
  // weights has its own offset into the model's flat parameter buffer): index 0 is the array's
  // first element.
  public static FloatBuffer floats(INDArray a) {
    return a.data().asNioFloat().position((int) a.offset()).slice().limit((int) a.length());
  }

  public static DoubleBuffer doubles(INDArray a) {
    return a.data().asNioDouble().position((int) a.offset()).slice().limit((int) a.length());
  }
}

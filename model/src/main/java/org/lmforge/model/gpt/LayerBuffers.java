package org.lmforge.model.gpt;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.memory.conf.WorkspaceConfiguration;
import org.nd4j.linalg.api.memory.enums.AllocationPolicy;
import org.nd4j.linalg.api.memory.enums.LearningPolicy;
import org.nd4j.linalg.api.memory.enums.SpillPolicy;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Memory of the hand-written layers. What the backward pass needs from the forward pass is kept in
 * detached buffers owned by one layer and reused from step to step (re-made only when a shape
 * changes, e.g. another batch size). Temporaries go to a per-thread scratch workspace that is reset
 * after each forward or backward call: allocating them outside a workspace costs more than the op
 * itself for small models (JavaCPP bookkeeping and deallocation through the garbage collector).
 */
final class LayerBuffers {
  private static final String SCRATCH_ID = "lmforge_layer_scratch";
  private static final WorkspaceConfiguration SCRATCH =
      WorkspaceConfiguration.builder()
          .initialSize(0)
          .overallocationLimit(0.2)
          .policyAllocation(AllocationPolicy.OVERALLOCATE)
          .policyLearning(LearningPolicy.OVER_TIME)
          .cyclesBeforeInitialization(2)
          .policySpill(SpillPolicy.REALLOCATE)
          .build();

  private final DataType type;
  private final Map<String, INDArray> buffers = new HashMap<>();

  LayerBuffers(DataType type) {
    this.type = type;
  }

  /** Opens this thread's scratch workspace; arrays created until it is closed live in it. */
  static MemoryWorkspace scratch() {
    return Nd4j.getWorkspaceManager().getAndActivateWorkspace(SCRATCH, SCRATCH_ID);
  }

  /**
   * A layer's output, c-ordered in DL4J's activations workspace, written by {@code compute} with
   * its temporaries in this thread's scratch workspace.
   */
  INDArray output(LayerWorkspaceMgr workspaceMgr, long[] shape, Consumer<INDArray> compute) {
    return computed(workspaceMgr, ArrayType.ACTIVATIONS, shape, compute);
  }

  /** A layer's input gradient, the same way as {@link #output} in the gradients' workspace. */
  INDArray inputGradient(LayerWorkspaceMgr workspaceMgr, long[] shape, Consumer<INDArray> compute) {
    return computed(workspaceMgr, ArrayType.ACTIVATION_GRAD, shape, compute);
  }

  private INDArray computed(
      LayerWorkspaceMgr workspaceMgr, ArrayType kind, long[] shape, Consumer<INDArray> compute) {
    INDArray out = workspaceMgr.createUninitialized(kind, type, shape, 'c');
    try (MemoryWorkspace ignored = scratch()) {
      compute.accept(out);
    }
    return out;
  }

  /**
   * A [1,n] row of ones (for column sums as a matmul: ND4J's reductions cost more per call than a
   * small gemm).
   */
  INDArray onesRow(long n) {
    return ones("ones_row_" + n, 1, n);
  }

  /** A [n,1] column of ones (for row means as a matmul). */
  INDArray onesColumn(long n) {
    return ones("ones_col_" + n, n, 1);
  }

  private INDArray ones(String name, long rows, long cols) {
    INDArray o = buffers.get(name);
    return o != null ? o : get(name, rows, cols).assign(1.0);
  }

  /** The detached buffer {@code name} of this shape (contents are whatever the last user left). */
  INDArray get(String name, long... shape) {
    INDArray b = buffers.get(name);
    if (b == null || !Arrays.equals(b.shape(), shape)) {
      if (b != null) b.close();
      b = Nd4j.createUninitializedDetached(type, shape);
      buffers.put(name, b);
    }
    return b;
  }
}

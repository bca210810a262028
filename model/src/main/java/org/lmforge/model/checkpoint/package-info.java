/**
 * Checkpoints: model, optimiser state, step and data position, written atomically through a small
 * store interface.
 *
 * <p>The Hadoop file system store is org.lmforge.pipeline.train.HadoopCheckpointStore.
 */
package org.lmforge.model.checkpoint;

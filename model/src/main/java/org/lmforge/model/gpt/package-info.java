/**
 * The GPT: configuration, the DL4J ComputationGraph, and its hand-written layers (forward and
 * backward by hand in ND4J ops) with their shared kernels.
 *
 * <p>Trained by org.lmforge.model.train; on Spark by org.lmforge.pipeline.train.
 */
package org.lmforge.model.gpt;

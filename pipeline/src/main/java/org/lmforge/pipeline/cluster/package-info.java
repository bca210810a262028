/**
 * Cluster checks and GPU executors: the doctor job, executor probes, per-task GPU binding.
 *
 * <p>Used by org.lmforge.pipeline.train.
 */
package org.lmforge.pipeline.cluster;

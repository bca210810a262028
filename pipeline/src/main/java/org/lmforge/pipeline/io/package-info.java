/**
 * Outputs and inputs on any Hadoop file system: one atomic output with one completion marker
 * ({@code AtomicOutput}) and the claim a running job holds on it ({@code OutputLease}), atomic
 * single files, input listing and file kinds. (Local single files: {@code config/…/LocalFiles}.)
 *
 * <p>Used by every job.
 */
package org.lmforge.pipeline.io;

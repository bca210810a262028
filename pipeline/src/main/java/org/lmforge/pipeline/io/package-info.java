/**
 * Outputs and inputs on any Hadoop file system: one atomic output with one completion marker
 * ({@code AtomicOutput}) and the claim a running job holds on it ({@code OutputLease}), atomic
 * single files, input listing and file kinds, and the one JSON mapper of the files jobs write
 * ({@code Json}). (Local single files: {@code config/…/LocalFiles}.)
 *
 * <p>Used by every job.
 */
package org.lmforge.pipeline.io;

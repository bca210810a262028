/**
 * Outputs and inputs on any Hadoop file system: one atomic output with one completion marker,
 * atomic single files, input listing and file kinds.
 *
 * <p>Used by every job.
 */
package org.lmforge.pipeline.io;

/**
 * The embedded sample: Europarl debates written as a byte-identical WARC for the first command.
 *
 * <p>Used by org.lmforge.pipeline.clean when no input is given.
 */
package org.lmforge.dataprep.sample;

/**
 * Opt-out: documents whose robots directives or markers ask not to be used for training.
 *
 * <p>Part of org.lmforge.dataprep.filter; run on Spark by org.lmforge.pipeline.filter.
 */
package org.lmforge.dataprep.filter.consent;

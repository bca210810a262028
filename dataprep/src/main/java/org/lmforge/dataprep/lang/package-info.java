/**
 * Language identification (Lingua) with a confidence per document.
 *
 * <p>Called from org.lmforge.dataprep.ingest; its Spark stage is
 * org.lmforge.pipeline.clean.IngestStage.
 */
package org.lmforge.dataprep.lang;

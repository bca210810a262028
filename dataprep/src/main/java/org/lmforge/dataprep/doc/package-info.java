/**
 * Doc, the one record a document is carried in from ingest to the filters.
 *
 * <p>Its Spark schema is org.lmforge.pipeline.clean.CleanSchema.
 */
package org.lmforge.dataprep.doc;

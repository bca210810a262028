/**
 * Safety rules: the bundled bad-word lists (LDNOOBW) and the URL blocklists (FineWeb's word lists,
 * EasyList).
 *
 * <p>Part of org.lmforge.dataprep.filter; run on Spark by org.lmforge.pipeline.filter.
 */
package org.lmforge.dataprep.filter.safety;

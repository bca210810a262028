/**
 * Word splitting and text scopes shared by the filters (the Python-compatible splits datatrove's
 * rules assume).
 *
 * <p>Part of org.lmforge.dataprep.filter.
 */
package org.lmforge.dataprep.filter.text;

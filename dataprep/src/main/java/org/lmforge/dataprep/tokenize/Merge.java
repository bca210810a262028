package org.lmforge.dataprep.tokenize;

/**
 * One BPE merge: adjacent tokens {@code left} and {@code right} become {@code result}. A
 * tokenizer's merges are kept in rank order (learned order); the earlier merge wins when several
 * apply.
 */
public record Merge(int left, int right, int result) implements java.io.Serializable {}

package org.lmforge.dataprep.tokenize;

import java.util.Arrays;

/**
 * Growable int array: token ids of one encode call, or the words that contain a pair while
 * training.
 */
final class IntList {
  int[] data;
  int size;

  IntList(int capacity) {
    data = new int[Math.max(4, capacity)];
  }

  void add(int v) {
    if (size == data.length) data = Arrays.copyOf(data, data.length * 2);
    data[size++] = v;
  }

  void addAll(int[] vs) {
    if (size + vs.length > data.length)
      data = Arrays.copyOf(data, Math.max(data.length * 2, size + vs.length));
    System.arraycopy(vs, 0, data, size, vs.length);
    size += vs.length;
  }

  int last() {
    return size == 0 ? -1 : data[size - 1];
  }

  int[] toArray() {
    return Arrays.copyOf(data, size);
  }
}

/**
 * What the benchmarks share: {@code BenchArgs} (positional arguments with defaults) and {@code
 * Periodic} (a background sampler thread). The benchmarks themselves are in the sub-packages.
 */
package org.lmforge.bench;

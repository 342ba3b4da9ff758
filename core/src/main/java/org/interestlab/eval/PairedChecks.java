package org.interestlab.eval;

/** Argument checks shared by the paired tests: same length, finite values. */
final class PairedChecks {
  private PairedChecks() {}

  static void check(double[] a, double[] b) {
    if (a.length != b.length) throw new IllegalArgumentException("paired samples differ in length: " + a.length + " and " + b.length);
    for (int i = 0; i < a.length; i++) {
      if (!Double.isFinite(a[i]) || !Double.isFinite(b[i])) {
        throw new IllegalArgumentException("pair " + i + " is not finite: " + a[i] + ", " + b[i]);
      }
    }
  }
}

package org.zged.generate;

/** Straight-line and spherical interpolation between two latent points. */
public final class LatentPaths {
  private LatentPaths() {}

  public static float[] lerp(float[] a, float[] b, double t) {
    float[] z = new float[a.length];
    for (int i = 0; i < z.length; i++) {
      z[i] = (float) ((1 - t) * a[i] + t * b[i]);
    }
    return z;
  }

  /**
   * Spherical interpolation: follows the great circle between the directions of a and b while the
   * norm moves linearly, so intermediate points keep a typical prior norm instead of shrinking
   * towards the origin as a straight line between distant points does. Falls back to {@link #lerp}
   * for (anti)parallel vectors.
   */
  public static float[] slerp(float[] a, float[] b, double t) {
    double na = norm(a);
    double nb = norm(b);
    if (na == 0 || nb == 0) {
      return lerp(a, b, t);
    }
    double dot = 0;
    for (int i = 0; i < a.length; i++) {
      dot += a[i] * b[i];
    }
    double omega = Math.acos(Math.max(-1, Math.min(1, dot / (na * nb))));
    if (omega < 1e-6 || Math.PI - omega < 1e-6) {
      return lerp(a, b, t);
    }
    double s = Math.sin(omega);
    double wa = Math.sin((1 - t) * omega) / s / na;
    double wb = Math.sin(t * omega) / s / nb;
    double n = (1 - t) * na + t * nb;
    float[] z = new float[a.length];
    for (int i = 0; i < z.length; i++) {
      z[i] = (float) (n * (wa * a[i] + wb * b[i]));
    }
    return z;
  }

  static double norm(float[] v) {
    double s = 0;
    for (float x : v) {
      s += x * x;
    }
    return Math.sqrt(s);
  }
}

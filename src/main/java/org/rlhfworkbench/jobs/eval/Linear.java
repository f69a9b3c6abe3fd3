package org.rlhfworkbench.jobs.eval;

/** Gaussian elimination with partial pivoting for the small systems of {@link BradleyTerry}. */
final class Linear {
    private static final double SINGULAR = 1e-12;

    private Linear() {
    }

    /** The matrix without its first row and column. */
    static double[][] dropFirst(double[][] a) {
        int n = a.length - 1;
        double[][] out = new double[n][n];
        for (int i = 0; i < n; i++) {
            System.arraycopy(a[i + 1], 1, out[i], 0, n);
        }
        return out;
    }

    /** x with a·x = b, or null when a is singular. */
    static double[] solve(double[][] a, double[] b) {
        int n = b.length;
        double[][] m = new double[n][n + 1];
        for (int i = 0; i < n; i++) {
            System.arraycopy(a[i], 0, m[i], 0, n);
            m[i][n] = b[i];
        }
        return eliminate(m, n, 1) ? column(m, n) : null;
    }

    /** The inverse of a, or null when singular. */
    static double[][] inverse(double[][] a) {
        int n = a.length;
        double[][] m = new double[n][2 * n];
        for (int i = 0; i < n; i++) {
            System.arraycopy(a[i], 0, m[i], 0, n);
            m[i][n + i] = 1;
        }
        if (!eliminate(m, n, n)) {
            return null;
        }
        double[][] inv = new double[n][n];
        for (int i = 0; i < n; i++) {
            System.arraycopy(m[i], n, inv[i], 0, n);
        }
        return inv;
    }

    /** Gauss-Jordan on the first n columns of an n × (n + extra) matrix. */
    private static boolean eliminate(double[][] m, int n, int extra) {
        for (int c = 0; c < n; c++) {
            int pivot = c;
            for (int r = c + 1; r < n; r++) {
                if (Math.abs(m[r][c]) > Math.abs(m[pivot][c])) {
                    pivot = r;
                }
            }
            if (Math.abs(m[pivot][c]) < SINGULAR) {
                return false;
            }
            double[] t = m[c];
            m[c] = m[pivot];
            m[pivot] = t;
            double d = m[c][c];
            for (int j = 0; j < n + extra; j++) {
                m[c][j] /= d;
            }
            for (int r = 0; r < n; r++) {
                if (r != c && m[r][c] != 0) {
                    double f = m[r][c];
                    for (int j = 0; j < n + extra; j++) {
                        m[r][j] -= f * m[c][j];
                    }
                }
            }
        }
        return true;
    }

    private static double[] column(double[][] m, int col) {
        double[] out = new double[m.length];
        for (int i = 0; i < m.length; i++) {
            out[i] = m[i][col];
        }
        return out;
    }
}

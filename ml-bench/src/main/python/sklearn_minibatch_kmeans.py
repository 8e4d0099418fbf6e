"""One pass of scikit-learn's MiniBatchKMeans over a raw float64 file, single-threaded.

Called by org.brookml.bench.cluster.KMeansComparison with: path rows dim k batch init_size reps.
Prints one JSON line: median examples/s over the repetitions and the final inertia per point.
Exits 3 (and says why) when scikit-learn or threadpoolctl is missing.
"""
import json
import statistics
import sys
import time

try:
    import numpy as np
    import sklearn
    from sklearn.cluster import MiniBatchKMeans
    from threadpoolctl import threadpool_limits
except ImportError as missing:
    print(f"scikit-learn not available: {missing}", file=sys.stderr)
    sys.exit(3)


def main():
    path, rows, dim, k, batch, init_size, reps = sys.argv[1:8]
    rows, dim, k, batch, init_size, reps = map(int, (rows, dim, k, batch, init_size, reps))
    x = np.fromfile(path, dtype="<f8").reshape(rows, dim)
    rates, inertias = [], []
    with threadpool_limits(1):
        for rep in range(reps):
            model = MiniBatchKMeans(n_clusters=k, batch_size=batch, init_size=init_size, n_init=1,
                                    max_iter=1, compute_labels=False, tol=0.0,
                                    max_no_improvement=None, random_state=rep)
            start = time.perf_counter()
            model.fit(x)
            rates.append(rows / (time.perf_counter() - start))
            inertias.append(-model.score(x) / rows)
    print(json.dumps({"version": sklearn.__version__, "examples_per_second": statistics.median(rates),
                      "inertia_per_point": statistics.median(inertias)}))


if __name__ == "__main__":
    main()

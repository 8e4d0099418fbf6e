"""One pass of scikit-learn's SGDClassifier over data written by
org.brookml.bench.linear.LinearComparison, single-threaded.

Arguments: kind (dense|sparse) directory rows dim reps loss (log_loss|hinge). Dense: x.f64 (rows x dim, little-endian
float64) and y.f64. Sparse (CSR): indptr.i64, indices.i32, values.f64, y.f64.
Prints one JSON line: median examples/s and test-free training accuracy. Exits 3 without sklearn.
"""
import json
import statistics
import sys
import time

try:
    import numpy as np
    import scipy.sparse as sp
    import sklearn
    from sklearn.linear_model import SGDClassifier
    from threadpoolctl import threadpool_limits
except ImportError as missing:
    print(f"scikit-learn not available: {missing}", file=sys.stderr)
    sys.exit(3)


def main():
    kind, directory, rows, dim, reps, loss = sys.argv[1:7]
    rows, dim, reps = int(rows), int(dim), int(reps)
    y = np.fromfile(f"{directory}/y.f64", dtype="<f8")
    if kind == "dense":
        x = np.fromfile(f"{directory}/x.f64", dtype="<f8").reshape(rows, dim)
    else:
        indptr = np.fromfile(f"{directory}/indptr.i64", dtype="<i8")
        indices = np.fromfile(f"{directory}/indices.i32", dtype="<i4")
        values = np.fromfile(f"{directory}/values.f64", dtype="<f8")
        x = sp.csr_matrix((values, indices, indptr), shape=(rows, dim))
    rates, accuracies = [], []
    with threadpool_limits(1):
        for rep in range(reps):
            model = SGDClassifier(loss=loss, max_iter=1, tol=None, shuffle=False)
            start = time.perf_counter()
            model.fit(x, y)
            rates.append(rows / (time.perf_counter() - start))
            accuracies.append(model.score(x, y))
    print(json.dumps({"version": sklearn.__version__,
                      "examples_per_second": statistics.median(rates),
                      "accuracy": statistics.median(accuracies)}))


if __name__ == "__main__":
    import warnings
    warnings.filterwarnings("ignore")
    main()

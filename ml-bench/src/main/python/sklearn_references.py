"""scikit-learn's answers on a numeric CSV, stored as test resources of ml-core.

Arguments: model (gaussian-nb | hinge-one-pass), csv (optionally .gz), header lines to skip,
output file. The last column is the class. Rows whose index modulo 10 is below 7 train, the
others are scored.
- gaussian-nb: GaussianNB() fitted once (its statistics are those of partial_fit); writes the
  accuracy and the predicted class of every test row (GaussianNaiveBayesSklearnTest).
- hinge-one-pass: SGDClassifier(loss="hinge", alpha=1e-4), the "optimal" schedule, one pass of
  partial_fit one row at a time in file order on raw features; writes the accuracy and the
  majority-class rate of the test rows (PegasosDefaultsTest).
"""
import gzip
import sys

import numpy as np
import sklearn
from sklearn.linear_model import SGDClassifier
from sklearn.naive_bayes import GaussianNB


def load(path, skip):
    opener = gzip.open if path.endswith(".gz") else open
    with opener(path, "rt") as f:
        rows = [line.strip().split(",") for line in f.readlines()[skip:] if line.strip()]
    data = np.array(rows, dtype=float)
    return data[:, :-1], data[:, -1].astype(int)


def gaussian_nb(x, y, train):
    predicted = GaussianNB().fit(x[train], y[train]).predict(x[~train])
    return ["# GaussianNB(), var_smoothing=1e-9",
            f"accuracy {float(np.mean(predicted == y[~train]))!r}",
            "predictions " + " ".join(str(p) for p in predicted)]


def hinge_one_pass(x, y, train):
    model = SGDClassifier(loss="hinge", alpha=1e-4, learning_rate="optimal", shuffle=False)
    for i in np.flatnonzero(train):
        model.partial_fit(x[i:i + 1], y[i:i + 1], classes=np.unique(y))
    accuracy = float(np.mean(model.predict(x[~train]) == y[~train]))
    majority = float(np.max(np.bincount(y[~train])) / np.sum(~train))
    return ["# SGDClassifier(loss='hinge', alpha=1e-4), one pass in file order, raw features",
            f"accuracy {accuracy!r}", f"majority {majority!r}"]


def main():
    model, path, skip, out = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
    x, y = load(path, skip)
    train = np.arange(len(y)) % 10 < 7
    lines = {"gaussian-nb": gaussian_nb, "hinge-one-pass": hinge_one_pass}[model](x, y, train)
    with open(out, "w") as f:
        f.write(f"# scikit-learn {sklearn.__version__}\n" + "\n".join(lines) + "\n")
    print(out, lines[1])


if __name__ == "__main__":
    main()

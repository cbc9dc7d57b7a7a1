#!/usr/bin/python3
"""Offline study: does contrasting each article with its neighbourhood separate sibling events?

    /usr/bin/python3 bench/events/contrast_offline.py ECBPLUS_DOCS.jsonl MULTINEWS_CLUSTERS.jsonl

Not chorus: a stand-in for its vectors in Python (words split on letters and digits, English
stopwords of scikit-learn, no stems; a capitalised word not opening its sentence and a number
count three times; TF-IDF (1 + ln tf) * (ln((N + 100) / (df + 1)) + 1) over the 64 strongest
terms, unit length), clustered offline (all articles at once) by average linkage, for a range of
thresholds. Prints B-cubed F1 per threshold on ECB+ (gold: subtopic) and Multi-News dev (gold:
cluster) for the plain vectors and for "neighbourhood contrast": each article's weights are
lowered by alpha times the share of its K nearest articles holding the term (a local document
frequency), then made unit length again. docs/events.md reports what this shows and why it was
not carried into the stream. Needs numpy, scipy and scikit-learn (bench/events/setup-sklearn).
"""
import collections
import json
import math
import re
import sys

import numpy as np
import scipy.sparse as sp
from scipy.cluster.hierarchy import fcluster, linkage
from scipy.spatial.distance import squareform
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS
from sklearn.preprocessing import normalize

WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9'.,]*[A-Za-z0-9]|[A-Za-z0-9]")
THRESHOLDS = [0.08, 0.10, 0.12, 0.14, 0.16, 0.18, 0.20, 0.22, 0.24]


def ecbplus(path):
    out = []
    for line in open(path, encoding='utf-8'):
        d = json.loads(line)
        lines = d['text'].split('\n')
        if lines and lines[0].startswith('http'):
            lines = lines[1:]  # the source URL, as chorus's cleaner drops it
        out.append((lines, d['subtopic']))
    return out


def multinews(path):
    out = []
    for line in open(path, encoding='utf-8'):
        c = json.loads(line)
        for a in c['articles']:
            out.append(([x for x in a['text'].split('\n') if x.strip()], c['id']))
    return out


def counts(lines):
    c = collections.Counter()
    for line in lines:
        for sentence in re.split(r'(?<=[.!?]) ', line):
            for i, t in enumerate(WORD.findall(sentence)):
                low = t.lower()
                if low in ENGLISH_STOP_WORDS:
                    continue
                c[low] += 3 if (t[0].isdigit() or (t[0].isupper() and i > 0)) else 1
    return c


def vectors(docs):
    cs = [counts(lines) for lines, _ in docs]
    df = collections.Counter()
    for c in cs:
        df.update(c.keys())
    n = len(cs) + 100
    rows, cols, vals, ids = [], [], [], {}
    for i, c in enumerate(cs):
        v = {t: (1 + math.log(k)) * (math.log(n / (df[t] + 1)) + 1) for t, k in c.items()}
        top = sorted(v.items(), key=lambda x: -x[1])[:64]
        norm = math.sqrt(sum(w * w for _, w in top)) or 1.0
        for t, w in top:
            rows.append(i)
            cols.append(ids.setdefault(t, len(ids)))
            vals.append(w / norm)
    return sp.csr_matrix((vals, (rows, cols)), shape=(len(cs), len(ids)))


def contrast(x, k, alpha):
    s = (x @ x.T).toarray()
    np.fill_diagonal(s, -1)
    n = x.shape[0]
    nearest = np.argsort(-s, axis=1)[:, :k]
    mean = sp.csr_matrix((np.full(n * k, 1.0 / k), (np.repeat(np.arange(n), k), nearest.ravel())),
                         shape=(n, n))
    local_df = sp.csr_matrix(mean @ (x > 0).astype(np.float64))
    return normalize(sp.csr_matrix(x - x.multiply(local_df) * alpha))


def bcubed_f1(pred, gold):
    cell = collections.Counter(zip(pred, gold))
    cs, gs, n = collections.Counter(pred), collections.Counter(gold), len(pred)
    p = sum(c * c / cs[a] for (a, _), c in cell.items()) / n
    r = sum(c * c / gs[b] for (_, b), c in cell.items()) / n
    return 2 * p * r / (p + r)


def sweep(x, gold):
    d = np.clip(1 - (x @ x.T).toarray(), 0, None)
    np.fill_diagonal(d, 0)
    z = linkage(squareform(d, checks=False), 'average')
    return [bcubed_f1(list(fcluster(z, 1 - t, 'distance')), gold) for t in THRESHOLDS]


def main():
    data = {'ECB+': ecbplus(sys.argv[1]), 'Multi-News': multinews(sys.argv[2])}
    print('B-cubed F1 at thresholds', ' '.join(f'{t:.2f}' for t in THRESHOLDS))
    for name, docs in data.items():
        x = vectors(docs)
        gold = [g for _, g in docs]
        for label, y in [('plain', x), ('contrast K=20 alpha=0.5', contrast(x, 20, 0.5))]:
            print(f'{name:10s} {label:24s}', ' '.join(f'{f:.3f}' for f in sweep(y, gold)), flush=True)


if __name__ == '__main__':
    main()

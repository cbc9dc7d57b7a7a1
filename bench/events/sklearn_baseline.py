#!/usr/bin/python3
"""scikit-learn's classic event clustering, for comparison with chorus on the same articles.

    /usr/bin/python3 bench/events/sklearn_baseline.py ARTICLES.jsonl GOLD.jsonl [--threshold T ...]

TF-IDF (scikit-learn defaults: lower case, \\w\\w+ tokens, smooth IDF, L2) and agglomerative
clustering with average linkage on cosine distance, cut at distance 1 - T for each similarity
threshold T given (default: 0.1 to 0.5 by 0.05). Prints B-cubed P/R/F1 and the adjusted Rand
index for each T, and the time of vectorising and clustering (one thread). The best T is the
one tuned on these very labels: an upper bound, not a fair setting.
Needs Debian's python3-sklearn (bench/events/setup-sklearn).
"""
import json
import sys
import time
from collections import Counter, defaultdict


def bcubed(pred, gold):
    cell = Counter((pred[k], gold[k]) for k in pred)
    csize = Counter(pred[k] for k in pred)
    gsize = Counter(gold[k] for k in pred)
    n = len(pred)
    p = sum(c * c / csize[a] for (a, b), c in cell.items()) / n
    r = sum(c * c / gsize[b] for (a, b), c in cell.items()) / n
    return p, r, 2 * p * r / (p + r)


def main():
    args = sys.argv[1:]
    thresholds = []
    if '--threshold' in args:
        i = args.index('--threshold')
        thresholds = [float(x) for x in args[i + 1:]]
        args = args[:i]
    if not thresholds:
        thresholds = [round(0.1 + 0.05 * k, 2) for k in range(9)]
    arts = [json.loads(l) for l in open(args[0], encoding='utf-8')]
    gold = {}
    for l in open(args[1], encoding='utf-8'):
        d = json.loads(l)
        gold[d['article']] = d['event']
    from sklearn.cluster import AgglomerativeClustering
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.metrics import adjusted_rand_score
    from sklearn.metrics.pairwise import cosine_distances
    ids = [a['id'] for a in arts if a['id'] in gold]
    texts = [((a.get('title') or '') + '\n' + a['text']) for a in arts if a['id'] in gold]
    t0 = time.perf_counter()
    x = TfidfVectorizer().fit_transform(texts)
    d = cosine_distances(x)  # dense n x n: agglomerative clustering needs every pair anyway
    t1 = time.perf_counter()
    print(f'sklearn: {len(ids)} articles, TF-IDF and distances {t1 - t0:.2f} s', flush=True)
    for t in thresholds:
        t2 = time.perf_counter()
        labels = AgglomerativeClustering(n_clusters=None, distance_threshold=1 - t, metric='precomputed',
                                         linkage='average').fit_predict(d)
        t3 = time.perf_counter()
        pred = {i: int(l) for i, l in zip(ids, labels)}
        p, r, f = bcubed(pred, gold)
        ari = adjusted_rand_score([gold[i] for i in ids], [pred[i] for i in ids])
        print(f'threshold {t:.2f}: B-cubed P {p:.4f} R {r:.4f} F1 {f:.4f} ARI {ari:.4f} '
              f'clusters {len(set(labels))}; clustering {t3 - t2:.2f} s, '
              f'{len(ids) / (t1 - t0 + t3 - t2):.0f} articles/s with TF-IDF', flush=True)


if __name__ == '__main__':
    main()

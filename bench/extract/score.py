#!/usr/bin/python3
"""Score extracted article text against the AEB ground truth (stdlib only).

    /usr/bin/python3 score.py TRUTH.json OUT.jsonl [--per-page FILE.tsv] [--bootstrap N]

TRUTH.json: the benchmark's ground-truth.json, {sha256: {"articleBody": ..., "url": ...}}.
OUT.jsonl: one JSON object a line, {"id": sha256, "text": ...} ("file" instead of "id" is
accepted too: the id is then the file name up to its first dot). An AEB-style JSON file
({id: {"articleBody": ...}} or {"output": {...}, "version": ...}) is accepted as well, so
the saved peer outputs can be scored as they are.

The metric is the one of scrapinghub/article-extraction-benchmark's evaluate.py:
  * tokens: re.findall(r'\\w+', text) (Unicode, case kept);
  * shingles: token 4-grams counted as a MULTISET (collections.Counter); a text of 1-3
    tokens gives one shorter shingle made of all its tokens, an empty text gives none;
  * per page: tp = sum of min(true count, pred count) over shingles, fp/fn the excesses;
    precision = tp/(tp+fp), recall = tp/(tp+fn) (1.0 when fp == fn == 0);
  * P is the mean over pages whose prediction has at least one shingle (an empty output
    is left out of P and scores 0 in R); R is the mean over pages whose truth has a
    shingle; every page weighs the same whatever its length;
  * F1 = 2PR/(P+R) from the averaged P and R (not a mean of per-page F1).
  * accuracy (also reported by AEB): share of pages whose token list equals the truth's.
Ids missing from OUT are scored as empty output (AEB itself refuses such a file); ids
not in TRUTH are an error.
"""
import argparse
import json
import random
import re
import statistics
import sys
from collections import Counter
from pathlib import Path

TOKEN_RE = re.compile(r'\w+', re.UNICODE | re.MULTILINE | re.IGNORECASE | re.DOTALL)


def tokenize(text):
    return TOKEN_RE.findall(text or '')


def shingles(tokens, n=4):
    out = Counter()
    for i in range(0, max(1, len(tokens) - n + 1)):
        s = tuple(tokens[i:i + n])
        if s:
            out[s] += 1
    return out


def tp_fp_fn(true_text, pred_text):
    t = shingles(tokenize(true_text))
    p = shingles(tokenize(pred_text))
    tp = fp = fn = 0
    for k in t.keys() | p.keys():
        tc, pc = t.get(k, 0), p.get(k, 0)
        tp += min(tc, pc)
        fp += max(0, pc - tc)
        fn += max(0, tc - pc)
    return tp, fp, fn


def precision_score(tp, fp, fn):
    if fp == fn == 0:
        return 1.0
    if tp == fp == 0:
        return 0.0
    return tp / (tp + fp)


def recall_score(tp, fp, fn):
    if fp == fn == 0:
        return 1.0
    if tp == fn == 0:
        return 0.0
    return tp / (tp + fn)


def metrics(rows):
    ps = [precision_score(*r) for r in rows if r[0] + r[1] > 0]
    rs = [recall_score(*r) for r in rows if r[0] + r[2] > 0]
    p = statistics.mean(ps) if ps else 0.0
    r = statistics.mean(rs) if rs else 0.0
    f1 = 2 * p * r / (p + r) if p + r > 0 else 0.0
    return p, r, f1


def load_predictions(path):
    text = Path(path).read_text(encoding='utf-8')
    preds = {}
    try:
        obj = json.loads(text)
    except json.JSONDecodeError:
        obj = None  # JSON Lines (more than one line)
    if isinstance(obj, dict) and not ({'id', 'file', 'text'} & obj.keys()):
        if isinstance(obj.get('output'), dict):
            obj = obj['output']
        for k, v in obj.items():
            preds[k] = (v or {}).get('articleBody', '') if isinstance(v, dict) else (v or '')
        return preds
    for n, line in enumerate(text.split('\n'), 1):  # not splitlines(): U+2028 etc. stay in strings
        if not line.strip():
            continue
        rec = json.loads(line)
        if 'id' in rec:
            key = rec['id']
        elif 'file' in rec:
            key = Path(rec['file']).name.split('.')[0]
        else:
            sys.exit(f'score.py: {path}:{n}: line has neither "id" nor "file"')
        if key in preds:
            sys.exit(f'score.py: {path}:{n}: id {key} appears twice')
        preds[key] = rec.get('text') or ''
    return preds


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n\n')[0])
    ap.add_argument('truth')
    ap.add_argument('out')
    ap.add_argument('--per-page', metavar='TSV', help='write id, P, R, tp, fp, fn per page')
    ap.add_argument('--bootstrap', type=int, default=0, metavar='N',
                    help='also print the std of P/R/F1 over N bootstrap resamples (AEB: 1000)')
    ap.add_argument('--json', action='store_true', help='print one JSON object instead of text')
    args = ap.parse_args()

    truth = json.loads(Path(args.truth).read_text(encoding='utf-8'))
    preds = load_predictions(args.out)
    extra = sorted(set(preds) - set(truth))
    if extra:
        sys.exit(f'score.py: {len(extra)} ids not in the ground truth, e.g. {extra[0]}')
    missing = sorted(set(truth) - set(preds))
    if missing:
        print(f'score.py: warning: {len(missing)} pages missing from {args.out}, scored as empty',
              file=sys.stderr)

    keys = list(truth)
    rows = []
    exact = 0
    empty = 0
    for k in keys:
        t = truth[k].get('articleBody', '')
        p = preds.get(k, '')
        rows.append(tp_fp_fn(t, p))
        exact += tokenize(t) == tokenize(p)
        empty += not tokenize(p)
    p, r, f1 = metrics(rows)
    res = {'pages': len(keys), 'missing': len(missing), 'empty': empty,
           'precision': p, 'recall': r, 'f1': f1, 'accuracy': exact / len(keys)}
    if args.bootstrap:
        rnd = random.Random(0)
        samples = [metrics([rows[rnd.randrange(len(rows))] for _ in rows])
                   for _ in range(args.bootstrap)]
        for i, name in enumerate(('precision', 'recall', 'f1')):
            res[name + '_std'] = statistics.stdev(s[i] for s in samples)
    if args.per_page:
        with open(args.per_page, 'w', encoding='utf-8') as f:
            f.write('id\tprecision\trecall\ttp\tfp\tfn\n')
            for k, row in zip(keys, rows):
                f.write(f'{k}\t{precision_score(*row):.4f}\t{recall_score(*row):.4f}\t'
                        f'{row[0]}\t{row[1]}\t{row[2]}\n')
    if args.json:
        print(json.dumps(res))
        return
    line = f"P={p:.4f} R={r:.4f} F1={f1:.4f} accuracy={res['accuracy']:.3f} pages={len(keys)}"
    if missing or empty:
        line += f' (missing={len(missing)} empty={empty})'
    print(line)
    if args.bootstrap:
        print(f"bootstrap std ({args.bootstrap}): P ±{res['precision_std']:.3f} "
              f"R ±{res['recall_std']:.3f} F1 ±{res['f1_std']:.3f}")


if __name__ == '__main__':
    main()

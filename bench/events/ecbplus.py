#!/usr/bin/python3
"""Turns ECB+ (ecbplus_docs.jsonl) into chorus input and gold labels.

    /usr/bin/python3 bench/events/ecbplus.py ECBPLUS_DOCS.jsonl OUT_DIR

Writes OUT_DIR/articles.jsonl ({"id": doc, "text": text}) and OUT_DIR/gold.jsonl
({"article": doc, "event": subtopic}); the subtopic is the gold event (each topic holds two
similar but different real events). The text's first line is the source URL, as in ECB+.
"""
import json
import sys
from pathlib import Path

src, out = Path(sys.argv[1]), Path(sys.argv[2])
out.mkdir(parents=True, exist_ok=True)
with open(out / 'articles.jsonl', 'w', encoding='utf-8') as a, \
     open(out / 'gold.jsonl', 'w', encoding='utf-8') as g:
    for line in src.open(encoding='utf-8'):
        d = json.loads(line)
        a.write(json.dumps({'id': d['doc'], 'text': d['text']}, ensure_ascii=False) + '\n')
        g.write(json.dumps({'article': d['doc'], 'event': d['subtopic']}) + '\n')

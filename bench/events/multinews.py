#!/usr/bin/python3
"""Turns Multi-News clusters (clusters.jsonl, as `chorus eval summarize --data` reads it) into
chorus event input and gold labels.

    /usr/bin/python3 bench/events/multinews.py CLUSTERS.jsonl OUT_DIR

Writes OUT_DIR/articles.jsonl ({"id": article id, "text": text}) and OUT_DIR/gold.jsonl
({"article": article id, "event": cluster id}): each cluster is one gold event (Multi-News
clusters are articles on one event each, and different clusters are different events). The
articles carry no dates, so the stream has no time to go by.
"""
import json
import sys
from pathlib import Path

src, out = Path(sys.argv[1]), Path(sys.argv[2])
out.mkdir(parents=True, exist_ok=True)
with open(out / 'articles.jsonl', 'w', encoding='utf-8') as a, \
     open(out / 'gold.jsonl', 'w', encoding='utf-8') as g:
    for line in src.open(encoding='utf-8'):
        c = json.loads(line)
        for art in c['articles']:
            a.write(json.dumps({'id': art['id'], 'text': art['text']}, ensure_ascii=False) + '\n')
            g.write(json.dumps({'article': art['id'], 'event': c['id']}) + '\n')

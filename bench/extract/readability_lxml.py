#!/usr/bin/python3
"""readability-lxml on every page of an AEB-style data folder, one page after another.

    /usr/bin/python3 readability_lxml.py DATA_DIR OUT.jsonl [--text html_text|lxml]

Run with Debian's /usr/bin/python3 (python3-readability, python3-lxml, python3-html-text;
bench/extract/setup-peers installs them).

For each DATA_DIR/html/*.html.gz (sorted by name): gunzip and decode the bytes to a string
(outside the timed region), then time, with time.perf_counter (monotonic), Document(html),
.summary(html_partial=True) and turning that HTML into plain text. Writes one JSON line a
page, {"id": sha256, "text": ..., "seconds": ...}, and prints the totals to stderr.

--text html_text (default): html_text.extract_text(summary), block-aware text with
newlines between paragraphs (what the AEB's own runner uses);
--text lxml: lxml.html.fromstring(summary).text_content() (adjacent blocks can glue words).
"""
import argparse
import gzip
import json
import re
import sys
import time
from pathlib import Path

import lxml.html
from readability import Document

try:
    import html_text
except ImportError:  # only needed for --text html_text
    html_text = None

META_CHARSET = re.compile(rb'<meta[^>]*?charset\s*=\s*["\']?\s*([A-Za-z0-9_:.-]+)', re.I)


def decode(data: bytes) -> str:
    """Bytes to str as a browser would for these files: a BOM, else a charset declared in a
    <meta> in the first 1024 bytes (the HTML prescan), else UTF-8 (the AEB reads every page
    as UTF-8; all 181 pages decode as UTF-8)."""
    if data.startswith(b'\xef\xbb\xbf'):
        return data[3:].decode('utf-8', 'replace')
    m = META_CHARSET.search(data[:1024])
    label = m.group(1).decode('ascii').lower() if m else 'utf-8'
    if label.startswith('utf-16') or label == 'x-user-defined':
        label = 'utf-8'
    if label in ('iso-8859-1', 'latin1', 'latin-1', 'us-ascii', 'ascii'):
        label = 'cp1252'  # as the WHATWG encoding standard maps them
    try:
        return data.decode(label, 'replace')
    except LookupError:
        return data.decode('utf-8', 'replace')


def text_lxml(summary: str) -> str:
    if not summary.strip():
        return ''
    return lxml.html.fromstring(summary).text_content()


def text_html_text(summary: str) -> str:
    return html_text.extract_text(summary)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n\n')[0])
    ap.add_argument('data_dir', type=Path)
    ap.add_argument('out', type=Path)
    ap.add_argument('--text', choices=('html_text', 'lxml'), default='html_text')
    args = ap.parse_args()
    if args.text == 'html_text' and html_text is None:
        sys.exit('readability_lxml: python3-html-text is missing (run bench/extract/setup-peers)')
    to_text = text_html_text if args.text == 'html_text' else text_lxml

    files = sorted((args.data_dir / 'html').glob('*.html.gz'))
    if not files:
        sys.exit(f'readability_lxml: no *.html.gz in {args.data_dir / "html"}')

    total = 0.0
    failures = 0
    with args.out.open('w', encoding='utf-8') as out:
        for path in files:
            page_id = path.name.split('.')[0]
            with gzip.open(path, 'rb') as f:
                html = decode(f.read())

            t0 = time.perf_counter()
            try:
                summary = Document(html).summary(html_partial=True)
                text = to_text(summary)
            except Exception as e:  # readability-lxml raises Unparseable on some inputs
                print(f'readability_lxml: {page_id}: {type(e).__name__}: {e}', file=sys.stderr)
                text = ''
                failures += 1
            seconds = time.perf_counter() - t0

            total += seconds
            out.write(json.dumps({'id': page_id, 'text': text, 'seconds': seconds},
                                 ensure_ascii=False) + '\n')
    print(f'readability_lxml (text={args.text}): {len(files)} pages, {total:.3f} s extracting, '
          f'{len(files) / total:.1f} pages/s' + (f', {failures} failures' if failures else ''),
          file=sys.stderr)


if __name__ == '__main__':
    main()

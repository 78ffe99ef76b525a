#!/usr/bin/env python3
"""Builds a benchmark corpus of about SIZE megabytes, reproducibly (seeded), by recombining the
project's own texts — Examples/, the test fixtures' corpora and the benign baseline — and, when
../shared/corpus is beside the checkout, the real news pages there. Each new document takes the
paragraphs of one source document in order, then paragraphs of others, so documents keep the
shape of news (dateline, body, teasers) while no two are alike.

    make-corpus.py SIZE_MB [--seed N] [--no-shared] > corpus.jsonl
"""
import argparse
import glob
import json
import os
import random

here = os.path.dirname(os.path.abspath(__file__))
root = os.path.dirname(here)


def sources(with_shared):
    docs = []
    patterns = [os.path.join(root, "Examples", "*.jsonl"), os.path.join(root, "Tests", "Fixtures", "*", "*.corpus.jsonl")]
    if with_shared:
        patterns.append(os.path.join(os.path.dirname(root), "shared", "corpus", "*", "corpus.jsonl"))
    for pattern in patterns:
        for path in sorted(glob.glob(pattern)):
            with open(path, encoding="utf-8") as f:
                for line in f:
                    line = line.strip()
                    if line:
                        d = json.loads(line)
                        docs.append({"text": d["text"], "lang": d.get("lang"), "date": d.get("date")})
    for path in sorted(glob.glob(os.path.join(root, "Examples", "*.txt"))):
        with open(path, encoding="utf-8") as f:
            docs.append({"text": f.read(), "lang": None, "date": None})
    for lang in ("zh", "en"):
        path = os.path.join(root, "Tests", "Fixtures", "benign", lang + ".txt")
        if os.path.exists(path):
            with open(path, encoding="utf-8") as f:
                lines = [l for l in f.read().split("\n") if l.strip()]
            for i in range(0, len(lines), 6):
                docs.append({"text": "\n".join(lines[i:i + 6]), "lang": lang, "date": None})
    return docs


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("mb", type=float)
    ap.add_argument("--seed", type=int, default=2026)
    ap.add_argument("--no-shared", action="store_true")
    a = ap.parse_args()
    rng = random.Random(a.seed)
    docs = sources(not a.no_shared)
    by_lang = {}
    for d in docs:
        lang = d["lang"] or ("zh" if sum(1 for c in d["text"][:2000] if "\u4e00" <= c <= "\u9fff") * 5 >= len(d["text"][:2000]) else "en")
        by_lang.setdefault(lang, []).append(d)
    target = int(a.mb * 1_000_000)
    written, n = 0, 0
    while written < target:
        lang = "zh" if rng.random() < 0.6 else "en"
        pool = by_lang.get(lang) or docs
        first = rng.choice(pool)
        paragraphs = [p for p in first["text"].split("\n") if p.strip()]
        for _ in range(rng.randint(0, 3)):
            other = rng.choice(pool)
            ps = [p for p in other["text"].split("\n") if p.strip()]
            if ps:
                start = rng.randrange(len(ps))
                paragraphs += ps[start:start + rng.randint(1, 4)]
        record = {"id": f"bench-{n:06d}", "lang": lang, "date": first["date"] or "2025-06-01", "text": "\n".join(paragraphs)}
        line = json.dumps(record, ensure_ascii=False)
        print(line)
        written += len(line.encode("utf-8")) + 1
        n += 1


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Peers of Tidings over the same patterns (`tidings rules export --flat`) and text:

  regex      what a user would write instead: Python 3 applying every pattern with the `regex` module
  hyperscan  the multi-pattern floor: every pattern Hyperscan accepts, as one database (scan and
             compile timed apart; patterns it refuses are counted)
  hyperscan-prefilter
             the same in HS_FLAG_PREFILTER mode, where Hyperscan widens what it cannot compile
             exactly: how far a Hyperscan prefilter in front of PCRE2 would reach

    peers.py PATTERNS.tsv CORPUS.jsonl [--only regex|hyperscan|hyperscan-prefilter] [--hyperscan-timeout S]

Prints one JSON line per peer.
"""
import argparse
import json
import re
import time


def load(patterns_path, corpus_path):
    patterns = []
    with open(patterns_path, encoding="utf-8") as f:
        for line in f:
            parts = line.rstrip("\n").split("\t", 2)
            if len(parts) == 3:
                patterns.append(parts[2])
    texts = []
    with open(corpus_path, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                texts.append(json.loads(line)["text"])
    return patterns, texts


def to_python(p):
    # PCRE2 writes code points as \x{HHHH}; Python's regex module wants \uHHHH / \UHHHHHHHH.
    return re.sub(r"\\x\{([0-9A-Fa-f]+)\}", lambda m: "\\U%08x" % int(m.group(1), 16), p)


def run_regex(patterns, texts, budget=20):
    """Python's `regex` module, one pattern at a time. A pattern whose compile, or whose matching
    over the slice, takes longer than `budget` seconds is stopped and counted (its time is left
    out: the peer's rate is then, if anything, better than it is)."""
    import regex
    import signal

    class Budget(Exception):
        pass

    def stop(signum, frame):
        raise Budget()

    signal.signal(signal.SIGALRM, stop)
    compiled, refused, over_budget = [], 0, 0
    compile_s = seconds = 0.0
    matches = 0
    for p in patterns:
        t0 = time.perf_counter()
        try:
            signal.alarm(budget)
            r = regex.compile(to_python(p))
            signal.alarm(0)
        except Budget:
            over_budget += 1
            continue
        except Exception:
            signal.alarm(0)
            refused += 1
            continue
        compile_s += time.perf_counter() - t0
        t0 = time.perf_counter()
        found = 0
        try:
            signal.alarm(budget)
            for t in texts:
                found += sum(1 for _ in r.finditer(t))
            signal.alarm(0)
        except Budget:
            over_budget += 1
            continue
        seconds += time.perf_counter() - t0
        matches += found
        compiled.append(r)
    size = sum(len(t.encode("utf-8")) for t in texts)
    return {"peer": "python-regex", "patterns": len(patterns), "compiled": len(compiled), "refused": refused,
            "refused_why": {f"over {budget} s": over_budget} if over_budget else {},
            "compile_s": round(compile_s, 3), "bytes": size, "seconds": round(seconds, 3),
            "mb_per_s": round(size / 1e6 / seconds, 4) if seconds else 0, "matches": matches}


def run_hyperscan(patterns, texts, timeout, prefilter=False):
    """Hyperscan as one database. With `prefilter`, in HS_FLAG_PREFILTER mode: each pattern is
    widened to one Hyperscan can compile (lookarounds and back references dropped), so a match
    only says where the exact pattern may match — what a prefilter in front of PCRE2 would get."""
    import hyperscan
    base = hyperscan.HS_FLAG_UTF8 | hyperscan.HS_FLAG_UCP | hyperscan.HS_FLAG_ALLOWEMPTY
    if prefilter:
        base |= hyperscan.HS_FLAG_PREFILTER

    def prepared(p):
        flags = base
        m = re.match(r"^\(\?([imsx]+)\)", p)
        if m:
            p = p[m.end():]
            if "i" in m.group(1): flags |= hyperscan.HS_FLAG_CASELESS
            if "s" in m.group(1): flags |= hyperscan.HS_FLAG_DOTALL
            if "m" in m.group(1): flags |= hyperscan.HS_FLAG_MULTILINE
        # Hyperscan has no named groups; they only capture, so they become plain groups.
        p = re.sub(r"\(\?P?<([A-Za-z_][A-Za-z0-9_]*)>", "(", p)
        return p.encode("utf-8"), flags

    # Hyperscan compiles in C, where no Python signal reaches: each pattern is tried in a forked
    # child with a time limit, so one pattern that takes forever is counted, not waited for.
    import multiprocessing as mp

    def try_one(expr, flags, queue):
        try:
            hyperscan.Database().compile(expressions=[expr], ids=[0], flags=[flags])
            queue.put("")
        except Exception as e:
            queue.put(str(e).split(" at index")[0][:60] or "refused")

    accepted, refused, reasons = [], 0, {}
    t0 = time.perf_counter()
    ctx = mp.get_context("fork")
    for i, p in enumerate(patterns):
        expr, flags = prepared(p)
        queue = ctx.Queue()
        child = ctx.Process(target=try_one, args=(expr, flags, queue))
        child.start()
        child.join(timeout)
        if child.is_alive():
            child.kill()
            child.join()
            why = "compile timeout"
        else:
            why = queue.get() if not queue.empty() else "crashed"
        if why:
            refused += 1
            reasons[why] = reasons.get(why, 0) + 1
        else:
            accepted.append((expr, i, flags))
    check_s = time.perf_counter() - t0
    db = hyperscan.Database()
    t0 = time.perf_counter()
    db.compile(expressions=[a[0] for a in accepted], ids=[a[1] for a in accepted], flags=[a[2] for a in accepted])
    compile_s = time.perf_counter() - t0
    count = [0]

    def on_match(id_, start, end, flags, context):
        count[0] += 1

    data = [t.encode("utf-8") for t in texts]
    t0 = time.perf_counter()
    for d in data:
        db.scan(d, match_event_handler=on_match)
    seconds = time.perf_counter() - t0
    size = sum(len(d) for d in data)
    return {"peer": "hyperscan-prefilter" if prefilter else "hyperscan", "patterns": len(patterns), "compiled": len(accepted), "refused": refused,
            "refused_why": reasons, "compile_s": round(compile_s, 3), "per_pattern_check_s": round(check_s, 3),
            "bytes": size, "seconds": round(seconds, 4), "mb_per_s": round(size / 1e6 / max(seconds, 1e-9), 2),
            "matches_reported": count[0]}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("patterns")
    ap.add_argument("corpus")
    ap.add_argument("--only", choices=["regex", "hyperscan", "hyperscan-prefilter"])
    ap.add_argument("--hyperscan-timeout", type=int, default=20)
    a = ap.parse_args()
    patterns, texts = load(a.patterns, a.corpus)
    if a.only in (None, "regex"):
        print(json.dumps(run_regex(patterns, texts)), flush=True)
    if a.only in (None, "hyperscan"):
        print(json.dumps(run_hyperscan(patterns, texts, a.hyperscan_timeout)), flush=True)
    if a.only in (None, "hyperscan-prefilter"):
        print(json.dumps(run_hyperscan(patterns, texts, a.hyperscan_timeout, prefilter=True)), flush=True)


if __name__ == "__main__":
    main()

"""Spark (pyspark, local[2]) piping a corpus through `tidings extract -` gives the events a direct
`tidings extract --format events` of the same corpus gives, in the same order; the Parquet copy
holds the same rows. Run by .ci/run after the release build: pytest Tests/spark."""
import glob
import json
import os
import subprocess
import sys

import pytest

root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
tidings = os.path.abspath(os.environ.get("TIDINGS_BIN", os.path.join(root, ".build", "release", "tidings")))


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    # Every gold corpus of the repo, one after the other, is a corpus of a few dozen documents in both languages.
    path = tmp_path_factory.mktemp("corpus") / "corpus.jsonl"
    with open(path, "w", encoding="utf-8") as out:
        for name in sorted(glob.glob(os.path.join(root, "Tests", "Fixtures", "*", "*.corpus.jsonl"))):
            with open(name, encoding="utf-8") as f:
                out.write("".join(l for l in f if l.strip()))
    return str(path)


def test_spark_output_equals_a_direct_extract(corpus, tmp_path):
    assert os.access(tidings, os.X_OK), "build the release binary first"
    direct = subprocess.run([tidings, "extract", corpus, "--format", "events"], capture_output=True, text=True, check=True).stdout
    expected = [json.loads(l) for l in direct.splitlines() if l.strip()]
    assert len(expected) > 50
    out = tmp_path / "spark-out"
    run = subprocess.run([sys.executable, os.path.join(root, "Examples", "spark", "extract_with_spark.py"), corpus, str(out),
                          "--master", "local[2]", "--partitions", "4", "--tidings", tidings],
                         capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, run.stderr[-3000:]
    summary = json.loads(run.stdout.strip().splitlines()[-1])
    assert summary["partitions"] == 4
    with open(corpus, encoding="utf-8") as f:
        assert summary["documents"] == sum(1 for l in f if l.strip())
    with open(out / "events.jsonl", encoding="utf-8") as f:
        got = [json.loads(l) for l in f]
    assert got == expected, "Spark's events differ from a direct extract"

    from pyspark.sql import SparkSession
    spark = SparkSession.builder.master("local[1]").config("spark.ui.enabled", "false").getOrCreate()
    rows = spark.read.parquet(str(out / "events.parquet")).collect()
    spark.stop()
    assert sorted((r.doc, r.trigger_start, r.type) for r in rows) == sorted((e["doc"], e["trigger"]["start"], e["type"]) for e in expected)


def test_the_mapper_keeps_one_record_per_document_in_order(corpus):
    with open(corpus, encoding="utf-8") as f:
        ids = [json.loads(l)["id"] for l in f if l.strip()]
    with open(corpus, encoding="utf-8") as f:
        run = subprocess.run([tidings, "extract", "-", "--jobs", "2"], stdin=f, capture_output=True, text=True, check=True)
    records = [json.loads(l) for l in run.stdout.splitlines()]
    assert [r["doc"] for r in records] == ids
    assert run.stdout.endswith("\n")

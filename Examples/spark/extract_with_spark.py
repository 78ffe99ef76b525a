#!/usr/bin/env python3
"""Tidings on a cluster: Spark pipes a JSONL corpus through `tidings extract -`, one process per
partition, and writes the events as JSONL and as Parquet.

    python3 Examples/spark/extract_with_spark.py CORPUS.jsonl OUT_DIR [--master local[2]] [--partitions 4]
        [--tidings PATH] [--rules PATH]

`tidings extract -` is a streaming mapper: JSON lines in on standard input, one `--format docs`
record per input document on standard output in input order, diagnostics only on standard error.
Spark keeps partition order, so OUT_DIR/events.jsonl holds the events in corpus order — the same
records `tidings extract CORPUS --format events` writes (Tests/spark/test_spark_pipe.py checks it).
Writes OUT_DIR/docs/ (Spark's text parts), OUT_DIR/events.jsonl and OUT_DIR/events.parquet/.
"""
import argparse
import json
import os
import shlex
import shutil
import sys
import time


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("corpus")
    ap.add_argument("out")
    ap.add_argument("--master", default="local[2]")
    ap.add_argument("--partitions", type=int, default=4)
    ap.add_argument("--tidings", default=os.path.join(os.path.dirname(__file__), "..", "..", ".build", "release", "tidings"))
    ap.add_argument("--rules", default=None, help="rule pack folder (default: the one the binary finds)")
    a = ap.parse_args()

    from pyspark.sql import SparkSession
    from pyspark.sql.types import StructType, StructField, StringType, LongType, DoubleType

    tidings = os.path.abspath(a.tidings)
    if not os.access(tidings, os.X_OK):
        sys.exit(f"error: no tidings binary at {tidings}: build it (swift build -c release) or pass --tidings")
    env = {"TIDINGS_RULES": os.path.abspath(a.rules)} if a.rules else {}
    spark = (SparkSession.builder.master(a.master).appName("tidings-extract")
             .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", str(a.partitions))
             .getOrCreate())
    spark.sparkContext.setLogLevel("ERROR")
    started = time.time()
    lines = spark.sparkContext.textFile(os.path.abspath(a.corpus), minPartitions=a.partitions).filter(lambda l: l.strip())
    # One tidings process per partition: documents in, one docs record per document out.
    docs = lines.pipe(shlex.join([tidings, "extract", "-", "--jobs", "1"]), env=env, checkCode=True)

    def events(record_line):
        record = json.loads(record_line)
        for event in record.get("events", []):
            yield json.dumps({"doc": record["doc"], **event}, ensure_ascii=False)

    shutil.rmtree(a.out, ignore_errors=True)
    docs.saveAsTextFile(os.path.join(a.out, "docs"))
    event_lines = docs.flatMap(events)
    ordered = event_lines.collect()  # partition order is input order
    with open(os.path.join(a.out, "events.jsonl"), "w", encoding="utf-8") as f:
        for line in ordered:
            f.write(line + "\n")
    schema = StructType([StructField(n, t) for n, t in [
        ("doc", StringType()), ("type", StringType()), ("trigger", StringType()), ("trigger_start", LongType()),
        ("trigger_end", LongType()), ("evidence_start", LongType()), ("evidence_end", LongType()), ("args", StringType()),
        ("attrs", StringType()), ("rule", StringType()), ("source", StringType()), ("confidence", DoubleType())]])

    def row(line):
        e = json.loads(line)
        return (e["doc"], e["type"], e["trigger"]["text"], e["trigger"]["start"], e["trigger"]["end"], e["evidence"]["start"],
                e["evidence"]["end"], json.dumps(e["args"], ensure_ascii=False), json.dumps(e["attrs"], ensure_ascii=False),
                e["rule"], e["source"], float(e["confidence"]))

    spark.createDataFrame(event_lines.map(row), schema).write.mode("overwrite").parquet(os.path.join(a.out, "events.parquet"))
    documents = docs.count()
    seconds = time.time() - started
    size = os.path.getsize(a.corpus)
    print(json.dumps({"documents": documents, "events": len(ordered), "partitions": docs.getNumPartitions(),
                      "master": a.master, "seconds": round(seconds, 2), "mb_per_s": round(size / 1e6 / seconds, 3)}))
    spark.stop()


if __name__ == "__main__":
    main()

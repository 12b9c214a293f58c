"""Child process for the comparison figure: inserts into one stock TinyDB file.

    python benchmarks/stock_tinydb.py DATA_DIR WORK_DIR INSERTS

Copies every entry of every session in DATA_DIR into a single TinyDB file written the way
stock ``JSONStorage`` writes it (stdlib ``json``), then times ``INSERTS`` single-document
inserts through stock ``TinyDB(path)`` (default ``JSONStorage``, which fsyncs each write).
Runs in its own process so its memory does not count against the app's peak RSS.
Prints one JSON line: ``{"entries": n, "insert_ms": [...], "file_mb": ...}``.
"""

from __future__ import annotations

import json
import os
import sys
import time
import uuid
from pathlib import Path

import orjson
from tinydb import TinyDB


def main() -> int:
    data_dir, work_dir, inserts = Path(sys.argv[1]), Path(sys.argv[2]), int(sys.argv[3])
    table: dict[str, object] = {}
    sample: dict[str, object] = {}
    for path in sorted((data_dir / "sessions").glob("*.json")):
        for doc in orjson.loads(path.read_bytes()).get("entries", {}).values():
            table[str(len(table) + 1)] = doc
            sample = doc
    db_path = work_dir / "stock.json"
    with open(db_path, "w", encoding="utf-8") as handle:
        json.dump({"entries": table}, handle)
    count = len(table)
    del table
    db = TinyDB(db_path)  # stock: JSONStorage, no caching middleware
    entries = db.table("entries", cache_size=0)
    timings = []
    for _ in range(inserts):
        doc = dict(sample, id=str(uuid.uuid4()), text="a new challenge captured")
        start = time.perf_counter()
        entries.insert(doc)
        timings.append((time.perf_counter() - start) * 1000)
    db.close()
    size_mb = os.path.getsize(db_path) / 1e6
    print(json.dumps({"entries": count, "insert_ms": timings, "file_mb": size_mb}), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())

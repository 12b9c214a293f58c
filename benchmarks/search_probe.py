"""Child process for the search figure: the first search of a fresh process, then a second.

    python benchmarks/search_probe.py DATA_DIR

Prints one JSON line: ``{"cold_ms", "warm_ms", "hits", "rss_mb"}``. A process of its own, so
"cold" means what it means for a user: nothing of the history is in memory yet.
"""

from __future__ import annotations

import json
import resource
import sys
import time


def main() -> int:
    from workshop_tui.core.search import search
    from workshop_tui.core.store import Store

    store = Store(sys.argv[1])
    start = time.perf_counter()
    hits = search(store, "recordation form")
    cold_ms = (time.perf_counter() - start) * 1000
    start = time.perf_counter()
    search(store, "right holders")
    warm_ms = (time.perf_counter() - start) * 1000
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"cold_ms": cold_ms, "warm_ms": warm_ms, "hits": len(hits), "rss_mb": rss_mb}))
    return 0


if __name__ == "__main__":
    sys.exit(main())

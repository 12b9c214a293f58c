"""Child process for the search figure: the first search of a fresh process, then a second.

    python benchmarks/search_probe.py DATA_DIR QUERY

Prints one JSON line: ``{"cold_ms", "warm_ms", "hits", "rss_mb"}`` — the first search for
QUERY, then the same search again. A process of its own, so
"cold" means what it means for a user: nothing of the history is in memory yet.
"""

from __future__ import annotations

import json
import sys
import time

from probe_memory import peak_rss_mb


def main() -> int:
    from workshop_tui.core.search import search
    from workshop_tui.core.store import Store

    store, query = Store(sys.argv[1]), sys.argv[2]
    start = time.perf_counter()
    hits = search(store, query)
    cold_ms = (time.perf_counter() - start) * 1000
    start = time.perf_counter()
    search(store, query)
    warm_ms = (time.perf_counter() - start) * 1000
    rss_mb = peak_rss_mb()
    print(json.dumps({"cold_ms": cold_ms, "warm_ms": warm_ms, "hits": len(hits), "rss_mb": rss_mb}))
    return 0


if __name__ == "__main__":
    sys.exit(main())

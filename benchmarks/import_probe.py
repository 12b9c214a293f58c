"""Import figures: read a bundle, import it as a new session, import it again, open a session.

    python benchmarks/import_probe.py [REPEATS]   # prints the samples as JSON

Used by bench.py; runnable on its own (with PYTHONPATH pointing at another tree) to compare
two versions of the code on the same machine.
"""

from __future__ import annotations

import datetime as dt
import json
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from synthetic import make_entries, sample_agenda  # noqa: E402

from workshop_tui.core.bundle import bundle_bytes, read_bundle  # noqa: E402
from workshop_tui.core.merge import import_bundles  # noqa: E402
from workshop_tui.core.store import Store  # noqa: E402

ENTRIES = 2000


def measure(work: Path, repeats: int) -> dict[str, list[float]]:
    """Samples in ms: ``read`` (read_bundle of a 2,000-entry bundle), ``new`` (import it into
    an empty data folder), ``again`` (import it once more: nothing changes), ``open`` (open
    the stored session in a new Store: the session file is read and checked); each also as
    ``<name>_cpu``, the CPU time of this process."""
    source = Store(work / "import-source")
    session = source.create_session(sample_agenda(), title="Bundle")
    rng = random.Random(5)
    session.save_entries(make_entries(rng, ENTRIES, dt.datetime(2026, 11, 23, 9, tzinfo=dt.UTC)))
    bundle = work / "import-bundle.json"
    bundle.write_bytes(bundle_bytes(session))
    samples: dict[str, list[float]] = {}

    def timed(name: str, call: Callable[[], object]) -> None:
        # CPU time too: on a shared machine it moves less than the wall clock
        t, c = time.perf_counter(), time.process_time()
        call()
        samples.setdefault(name, []).append((time.perf_counter() - t) * 1000)
        samples.setdefault(f"{name}_cpu", []).append((time.process_time() - c) * 1000)

    for i in range(repeats):
        timed("read", lambda: read_bundle(bundle))
        target = Store(work / f"import-target-{i}")
        timed("new", lambda: import_bundles(target, [bundle]))  # noqa: B023
        timed("again", lambda: import_bundles(target, [bundle]))  # noqa: B023
        timed("open", lambda: Store(target.data_dir).open_session(session.id).entries())  # noqa: B023
    return samples


def main() -> int:
    repeats = int(sys.argv[1]) if len(sys.argv) > 1 else 7
    with tempfile.TemporaryDirectory(prefix="workshop-import-") as work:
        samples = measure(Path(work), repeats)
    medians = {k: round(statistics.median(v), 1) for k, v in samples.items()}
    print(json.dumps({"medians_ms": medians, "samples": samples}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

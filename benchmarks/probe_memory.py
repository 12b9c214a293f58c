"""The peak resident memory of this process, for the benchmark's child processes.

``ru_maxrss`` is not it: a child started by ``subprocess`` (vfork + exec on Linux) inherits
the peak of the parent's address space at exec, so a small probe spawned by a large
benchmark process reports the benchmark's own peak. ``VmHWM`` is the high-water mark of
this process's own address space since its exec.
"""

from __future__ import annotations


def peak_rss_mb() -> float:
    """``VmHWM`` of this process, in MB."""
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    raise RuntimeError("no VmHWM in /proc/self/status")

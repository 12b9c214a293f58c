"""Bounded reads of files that came from outside: regular files only, up to a size limit.

A bundle handed over on a USB stick, or a session file restored from a backup, may be a FIFO
(reading it blocks for ever), a device (``/dev/zero`` never ends) or a socket. Such a path is
refused after ``stat``, before it is opened for reading; a regular file that is larger than
the limit is refused before a byte of it is read. The file is opened non-blocking and checked
again on the open descriptor, so a FIFO swapped in between the two steps cannot hang us.
"""

from __future__ import annotations

import os
import re
import stat
from pathlib import Path

from workshop_tui.core.i18n import _

#: the largest file read at all (a bundle of 10,000 entries is about 10 MB)
MAX_FILE_BYTES = 200 * 1024 * 1024

_CHUNK = 1024 * 1024
# bound once: reading stays possible while a test makes writes fail by patching os.open
_open_fd = os.open


class FileRefused(Exception):
    """The file is not read: ``reason`` says why, in words for the user (no file name)."""

    def __init__(self, reason: str) -> None:
        self.reason = reason
        super().__init__(reason)


def _kind_of(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return _("is a folder, not a file")
    if stat.S_ISFIFO(mode):
        return _("is a named pipe (FIFO), not a regular file; it was not read")
    if stat.S_ISSOCK(mode):
        return _("is a socket, not a regular file; it was not read")
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return _("is a device, not a regular file; it was not read")
    return _("is not a regular file; it was not read")


def size_text(size: int) -> str:
    """``size`` bytes in words: ``200 MB``, ``1.5 GB``, ``812 bytes``."""
    for unit, factor in (("GB", 1024**3), ("MB", 1024**2), ("KB", 1024)):
        if size >= factor:
            value = size / factor
            return (
                f"{value:.0f} {unit}"
                if value >= 10 or value == int(value)
                else f"{value:.1f} {unit}"
            )
    return _("{n} bytes").format(n=size)


def _too_large(size: int, limit: int) -> FileRefused:
    said, limit_said = size_text(size), size_text(limit)
    if said == limit_said:  # 200.3 MB and 200 MB both read "200 MB"
        said, limit_said = _("{n} bytes").format(n=size), _("{n} bytes").format(n=limit)
    return FileRefused(
        _("is too large ({size}; the limit is {limit})").format(size=said, limit=limit_said)
    )


def read_regular_file(path: Path, max_bytes: int = MAX_FILE_BYTES) -> bytes:
    """The bytes of ``path`` if it is a regular file of at most ``max_bytes`` bytes.

    Raises :class:`FileRefused` (not a regular file, too large), ``FileNotFoundError``,
    ``PermissionError`` or another ``OSError``.
    """
    st = os.stat(path)
    if not stat.S_ISREG(st.st_mode):
        raise FileRefused(_kind_of(st.st_mode))
    if st.st_size > max_bytes:
        raise _too_large(st.st_size, max_bytes)
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
    fd = _open_fd(path, flags)
    try:
        opened = os.fstat(fd)
        if not stat.S_ISREG(opened.st_mode):  # swapped for a FIFO after the stat above
            raise FileRefused(_kind_of(opened.st_mode))
        if opened.st_size > max_bytes:
            raise _too_large(opened.st_size, max_bytes)
        chunks: list[bytes] = []
        total = 0
        while True:
            chunk = os.read(fd, min(_CHUNK, max_bytes + 1 - total) or 1)
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
            if total > max_bytes:  # it grew while we read
                raise _too_large(total, max_bytes)
    finally:
        os.close(fd)
    return b"".join(chunks)


def parse_size(text: str) -> int:
    """A size limit as typed on the command line: ``500MB``, ``1G``, ``200m``, ``1048576``.

    Raises ValueError with a reason."""
    raw = text.strip().upper().removesuffix("B").removesuffix("I")
    factor = 1
    for unit, value in (("K", 1024), ("M", 1024**2), ("G", 1024**3)):
        if raw.endswith(unit):
            raw, factor = raw[:-1], value
            break
    try:
        number = float(raw)
    except ValueError:
        number = -1.0
    if not 1 <= number * factor <= 1024**4:
        raise ValueError(_("{text!r} is not a size; write e.g. 500MB or 1GB").format(text=text))
    return int(number * factor)


_INNERMOST_PAIR = re.compile(rb"\[\]|\{\}")
_NOT_STRUCTURE = bytes(b for b in range(256) if b not in b'"[]{}')


def json_depth_exceeds(data: bytes, limit: int) -> bool:
    """Whether the JSON text ``data`` nests lists and objects more than ``limit`` deep.

    Checked on the bytes, before parsing and without recursion: escaped quotes are dropped,
    then everything but quotes and brackets; what lies between two quotes was inside a
    string. The brackets left are stripped one level per pass (every empty ``[]`` / ``{}``
    pair), so a valid file costs a few passes over its brackets."""
    if b"\\" in data:
        data = data.replace(b"\\\\", b"").replace(b'\\"', b"")
    brackets = b"".join(data.translate(None, _NOT_STRUCTURE).split(b'"')[::2])
    for _level in range(limit):
        if not brackets:
            return False
        stripped = _INNERMOST_PAIR.sub(b"", brackets)
        if len(stripped) == len(brackets):
            return False  # unbalanced: not JSON, which the parser says (it never recurses)
        brackets = stripped
    return bool(brackets)

"""The join code that guards a session served to the room, and the brake on guessing it.

Pure Python (no aiohttp), so the rules are tested without a server:

* a code is 8 characters from an alphabet without look-alikes (no 0/O, 1/I/L), read aloud as
  two groups of four (``KXRT-7M2Q``): 31⁸ ≈ 8.5 × 10¹¹ codes;
* codes are compared in constant time (``hmac.compare_digest``) after normalising what a person
  types (case, spaces and dashes do not matter);
* an address that keeps giving wrong codes is answered more slowly after a few, then refused
  for a while, even with the right code (:class:`Throttle`).
"""

from __future__ import annotations

import hmac
import secrets
import time
from collections.abc import Callable
from dataclasses import dataclass

from workshop_tui.core.i18n import _

ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
CODE_LENGTH = 8
#: the shortest ``--code`` accepted
MIN_GIVEN_LENGTH = 8
MAX_GIVEN_LENGTH = 64

#: wrong codes from one address answered at once; after them each is answered late
FREE_ATTEMPTS = 3
#: how late (seconds) each wrong code after the free ones is answered
DELAY_S = 1.0
#: wrong codes from one address before it is refused outright
LOCKOUT_AFTER = 8
#: how long an address is refused (and how long wrong codes are remembered)
LOCKOUT_S = 15 * 60.0
#: addresses remembered at most (the oldest are forgotten first)
MAX_TRACKED = 4096


class CodeError(ValueError):
    """A ``--code`` that cannot guard a room (too short, characters nobody can read aloud)."""


def new_code() -> str:
    """A fresh random join code (``secrets``, not ``random``)."""
    return "".join(secrets.choice(ALPHABET) for _ in range(CODE_LENGTH))


def new_key(length: int = CODE_LENGTH) -> str:
    """A random path segment (the facilitator's link), lower case from the same alphabet."""
    return "".join(secrets.choice(ALPHABET) for _ in range(length)).lower()


def normalise(code: str) -> str:
    """What a person typed → the form compared: upper case, no spaces or dashes."""
    return "".join(ch for ch in code.upper() if ch not in " -_")


def check_given_code(code: str) -> str:
    """A ``--code`` from the command line, normalised; :class:`CodeError` when unusable."""
    value = normalise(code)
    if not value.isascii() or not value.isalnum():
        raise CodeError(
            _("a join code has only letters and digits (dashes and spaces are ignored)")
        )
    if not MIN_GIVEN_LENGTH <= len(value) <= MAX_GIVEN_LENGTH:
        raise CodeError(
            _("a join code needs {low} to {high} letters or digits (this one has {n})").format(
                low=MIN_GIVEN_LENGTH, high=MAX_GIVEN_LENGTH, n=len(value)
            )
        )
    return value


def spoken(code: str) -> str:
    """The code as it is read aloud and shown: groups of four joined by dashes."""
    return "-".join(code[i : i + 4] for i in range(0, len(code), 4))


def codes_match(given: str, expected: str) -> bool:
    """Constant-time comparison of a typed code with the expected (normalised) one."""
    return hmac.compare_digest(normalise(given).encode(), expected.encode())


@dataclass
class _Record:
    failures: int = 0
    last_failure: float = 0.0
    locked_until: float = 0.0


class Throttle:
    """Wrong codes per address: slowed after :data:`FREE_ATTEMPTS`, refused after
    :data:`LOCKOUT_AFTER` for :data:`LOCKOUT_S` seconds. ``clock`` is injectable for tests."""

    def __init__(
        self,
        *,
        clock: Callable[[], float] = time.monotonic,
        free: int = FREE_ATTEMPTS,
        delay: float = DELAY_S,
        lockout_after: int = LOCKOUT_AFTER,
        lockout: float = LOCKOUT_S,
        max_tracked: int = MAX_TRACKED,
    ) -> None:
        self.clock = clock
        self.free, self.delay = free, delay
        self.lockout_after, self.lockout = lockout_after, lockout
        self.max_tracked = max_tracked
        self._records: dict[str, _Record] = {}

    def _record(self, address: str) -> _Record | None:
        record = self._records.get(address)
        if record is None:
            return None
        now = self.clock()
        if record.locked_until <= now and now - record.last_failure >= self.lockout:
            del self._records[address]  # forgiven: nothing wrong for a whole lockout period
            return None
        return record

    def locked(self, address: str) -> bool:
        """Is ``address`` refused right now (whatever code it gives)?"""
        record = self._record(address)
        return record is not None and record.locked_until > self.clock()

    def failed(self, address: str) -> float:
        """Count a wrong code from ``address``; returns how many seconds to wait before
        answering it (0 for the first few)."""
        record = self._record(address)
        if record is None:
            if len(self._records) >= self.max_tracked:
                self._records.pop(next(iter(self._records)))
            record = self._records[address] = _Record()
        now = self.clock()
        record.failures += 1
        record.last_failure = now
        if record.failures >= self.lockout_after:
            record.locked_until = now + self.lockout
        return self.delay if record.failures > self.free else 0.0

    def failures(self, address: str) -> int:
        record = self._record(address)
        return record.failures if record else 0

    def succeeded(self, address: str) -> None:
        """The right code: forget the address's earlier mistakes."""
        self._records.pop(address, None)

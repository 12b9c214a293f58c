"""The join code and the brake on guessing it (no server)."""

from __future__ import annotations

import pytest

from workshop_tui.serve.gate import (
    ALPHABET,
    CODE_LENGTH,
    CodeError,
    Throttle,
    check_given_code,
    codes_match,
    new_code,
    spoken,
)


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_codes_are_random_readable_and_long_enough() -> None:
    codes = {new_code() for _ in range(200)}
    assert len(codes) == 200
    for code in codes:
        assert len(code) == CODE_LENGTH and set(code) <= set(ALPHABET)
    assert not set("01ILO") & set(ALPHABET)  # nothing that reads as another character
    assert len(ALPHABET) ** CODE_LENGTH > 10**11
    assert spoken("KXRT7M2Q") == "KXRT-7M2Q"


def test_what_a_person_types_matches() -> None:
    assert codes_match("kxrt-7m2q", "KXRT7M2Q")
    assert codes_match(" KXRT 7M2Q ", "KXRT7M2Q")
    assert not codes_match("KXRT7M2", "KXRT7M2Q")
    assert not codes_match("", "KXRT7M2Q")
    assert not codes_match("KXRT7M2Qé", "KXRT7M2Q")


@pytest.mark.parametrize("bad", ["short", "", "with space but ü", "a" * 65, "abc$defgh"])
def test_unusable_given_codes_are_refused(bad: str) -> None:
    with pytest.raises(CodeError):
        check_given_code(bad)


def test_wrong_codes_are_slowed_then_locked_out_then_forgiven() -> None:
    clock = FakeClock()
    throttle = Throttle(clock=clock, free=3, delay=1.0, lockout_after=8, lockout=900)
    delays = [throttle.failed("10.0.0.5") for _ in range(7)]
    assert delays == [0, 0, 0, 1.0, 1.0, 1.0, 1.0]
    assert not throttle.locked("10.0.0.5")
    throttle.failed("10.0.0.5")
    assert throttle.locked("10.0.0.5")
    assert not throttle.locked("10.0.0.6")  # per address
    clock.now += 899
    assert throttle.locked("10.0.0.5")
    clock.now += 2
    assert not throttle.locked("10.0.0.5")
    # a whole lockout period without mistakes: forgotten
    clock.now += 900
    assert throttle.failures("10.0.0.5") == 0


def test_the_right_code_forgets_mistakes_and_memory_is_bounded() -> None:
    throttle = Throttle(clock=FakeClock(), max_tracked=3)
    throttle.failed("a")
    throttle.succeeded("a")
    assert throttle.failures("a") == 0
    for address in ("b", "c", "d", "e"):
        throttle.failed(address)
    assert throttle.failures("b") == 0 and throttle.failures("e") == 1

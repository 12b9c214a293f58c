"""Store changes saved off the event loop, in the order they were made.

Every screen of the app hands its store changes (a capture, a vote, a link, an action's
fields, where the facilitator is) to the one :class:`StoreWriter` of the app. A thread worker
runs them one at a time, oldest first, so a slow disk (a USB stick, a network home folder)
never freezes typing, and a later change never overtakes an earlier one. The outcome comes
back on the UI thread: ``done(result)``, or a notification saying what was not saved and
``failed(error)`` so the screen can give the typed text back.
"""

from __future__ import annotations

import asyncio
import threading
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import Any, TypeVar

from textual.app import App
from textual.dom import DOMNode
from textual.timer import Timer

from workshop_tui.core.capture import CaptureError
from workshop_tui.core.i18n import _
from workshop_tui.core.store import StoreError

T = TypeVar("T")

#: what a save that needs the outcome (the action editor) awaits: (result, error)
Outcome = tuple[Any, Exception | None]


def notify_failure(app: App[Any], what: str, error: Exception, suffix: str = "") -> None:
    """A refused change (CaptureError) warns; a failed save says what was not saved.

    Through the app: the screen that asked may be gone by the time a background save fails.
    """
    if isinstance(error, CaptureError):
        app.notify(f"{error}{suffix}", title=what, severity="warning")
    else:
        app.notify(
            _("Not saved: {error}{suffix}").format(error=error, suffix=suffix),
            title=what,
            severity="error",
            timeout=12,
        )


def run_change(change: Callable[[], T]) -> tuple[T | None, Exception | None]:
    """Run one store change; a refusal or a failed save comes back as the error."""
    try:
        return change(), None
    except (CaptureError, StoreError) as err:
        return None, err
    except Exception as err:  # noqa: BLE001 - a bug must not lose the text silently
        return None, StoreError(f"{type(err).__name__}: {err}")


@dataclass
class WriteJob:
    """One queued store change and what to do with its outcome (on the UI thread)."""

    what: str
    change: Callable[[], Any]
    #: called with the result once saved (while ``owner`` is still on screen)
    done: Callable[[Any], None] | None = None
    #: called with the error after the notification (while ``owner`` is still on screen)
    failed: Callable[[Exception], None] | None = None
    #: said in the notification when the owner is gone and nothing can be given back
    lost: str = ""
    #: the widget or screen that asked; its callbacks are skipped once it is unmounted
    owner: DOMNode | None = None
    #: False: no notification (the caller shows the problem itself)
    notify: bool = True


class StoreWriter:
    """The app's one queue of store changes, drained by one thread worker at a time."""

    def __init__(self, app: App[Any]) -> None:
        self.app = app
        self._jobs: deque[WriteJob] = deque()
        #: held while a thread drains the queue: one writer at a time, in submission order
        self._drain_lock = threading.Lock()
        #: changes submitted and not yet reported back (counted on the UI thread only)
        self.in_flight = 0
        #: the newest "soon" change of each key, and the timer that will submit it
        self._soon: dict[str, tuple[WriteJob, Timer]] = {}

    #: how long a "soon" change waits for a newer one of its key (see :meth:`submit_soon`)
    SOON_S = 0.4

    def submit_soon(
        self,
        key: str,
        what: str,
        change: Callable[[], Any],
        *,
        failed: Callable[[Exception], None] | None = None,
        owner: DOMNode | None = None,
        notify: bool = True,
    ) -> None:
        """Submit ``change`` :data:`SOON_S` after the last call with this ``key``, and only
        the newest one: where the facilitator is, after a run of topic or group switches, is
        one rewrite of the session file, not one per key (each is a whole-file write). A
        :meth:`submit`, :meth:`send_soon` or :meth:`flush` sends it at once."""
        self.cancel_soon(key)
        timer = self.app.set_timer(self.SOON_S, partial(self._send, key))
        self._soon[key] = (WriteJob(what, change, None, failed, "", owner, notify), timer)

    def cancel_soon(self, key: str) -> None:
        """Drop the waiting change of ``key`` (a newer one is being submitted now)."""
        waiting = self._soon.pop(key, None)
        if waiting is not None:
            waiting[1].stop()

    def send_soon(self) -> None:
        """Submit every waiting change now (before the app stops; tests that read the file)."""
        for key in list(self._soon):
            self._send(key)

    def _send(self, key: str) -> None:
        waiting = self._soon.pop(key, None)
        if waiting is not None:
            waiting[1].stop()
            job = waiting[0]
            self.submit(job.what, job.change, failed=job.failed, owner=job.owner, notify=job.notify)

    def submit(
        self,
        what: str,
        change: Callable[[], T],
        done: Callable[[T], None] | None = None,
        *,
        failed: Callable[[Exception], None] | None = None,
        lost: str = "",
        owner: DOMNode | None = None,
        notify: bool = True,
    ) -> None:
        """Save ``change`` in a thread, after every change submitted before it (UI thread).

        The worker belongs to the app, so closing a screen does not cancel a pending save.
        """
        self._jobs.append(WriteJob(what, change, done, failed, lost, owner, notify))
        self.in_flight += 1
        self.app.run_worker(self._drain, thread=True, group="store-write", exit_on_error=False)

    def outcome(self, what: str, change: Callable[[], Any]) -> asyncio.Future[Outcome]:
        """Submit ``change`` without a notification; await the returned future for
        ``(result, error)`` — for a form that shows the problem itself and stays open."""
        future: asyncio.Future[Outcome] = asyncio.get_running_loop().create_future()

        def settle(outcome: Outcome) -> None:
            if not future.done():
                future.set_result(outcome)

        self.submit(
            what,
            change,
            lambda result: settle((result, None)),
            failed=lambda error: settle((None, error)),
            notify=False,
        )
        return future

    async def reason_not_saved(self, what: str, change: Callable[[], Any]) -> str | None:
        """Queue ``change`` and wait for it: None once saved, else why it was not."""
        _result, error = await self.outcome(what, change)
        return None if error is None else str(error)

    def flush(self) -> None:
        """Save what no worker will (they are cancelled as the app stops); UI thread."""
        self.send_soon()
        if not self._drain_lock.acquire(blocking=False):
            return  # a worker is draining: it saves the rest too
        try:
            while self._jobs:
                job = self._jobs.popleft()
                result, error = run_change(job.change)
                self._finish(job, result, error)
        finally:
            self._drain_lock.release()

    def _drain(self) -> None:
        """Worker body: run queued changes in order until none is left."""
        with self._drain_lock:
            while self._jobs:
                job = self._jobs.popleft()
                result, error = run_change(job.change)
                try:
                    self.app.call_from_thread(self._finish, job, result, error)
                except RuntimeError:  # the app has stopped: nothing left to show it on
                    pass

    def _finish(self, job: WriteJob, result: Any, error: Exception | None) -> None:
        """On the UI thread: show the outcome of one saved (or refused) change."""
        self.in_flight -= 1
        present = job.owner is None or job.owner.is_attached
        if error is None:
            if present and job.done is not None:
                job.done(result)
            return
        if job.notify:
            lost = f" ({job.lost})" if job.lost and not present else ""
            notify_failure(self.app, job.what, error, lost)
        if present and job.failed is not None:
            job.failed(error)


#: the longest a capture holds repaints for its save (see :func:`hold_repaints`)
HOLD_S = 0.05


def hold_repaints(app: App[Any], seconds: float = HOLD_S) -> Callable[[], None]:
    """Hold the app's repaints until the returned release is called, at most ``seconds``.

    Enter in a pane empties its input at once and the entry appears once saved (a few ms
    later, in the writer's thread): drawn as two frames, the second waited out the first's
    frame interval. Held, both appear in one frame. A slow disk is released by the timer
    (the entry is drawn when it is saved, as before). The release is idempotent.
    """
    app._begin_batch()  # Textual's batch_update, split over the save (8.2.8)
    held = True

    def release() -> None:
        nonlocal held
        if held:
            held = False
            timer.stop()
            app._end_batch()
            if not app._batch_count:
                # what changed while held is drawn now, even when nothing else happens
                # (a save still stuck on the disk): the screen looks for dirty widgets
                app.screen.check_idle()

    timer = app.set_timer(seconds, release)
    return release


def store_writer(app: App[Any]) -> StoreWriter:
    """The app's writer (made on first use, so any Textual app can host the screens)."""
    writer = getattr(app, "_store_writer", None)
    if not isinstance(writer, StoreWriter):
        writer = StoreWriter(app)
        app._store_writer = writer  # type: ignore[attr-defined]
    return writer

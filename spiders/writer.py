"""The article writer: one process per database that cleans and stores what a crawl fetched.

Cleaning a page (trafilatura, htmldate, normalisation) and storing it (near-duplicate lookup,
full-text terms, SQLite) cost more CPU than Scrapy spends fetching it. Done on the crawl's
reactor thread they stall every download; cleaned in a pool of workers they cost more in
pickling and process switches than they saved (bench/bench_crawl.py measured 0.22 of bare
Scrapy's rate with two workers). So the crawl process hands each fetched article to one writer
process (`python -m touzi.spiders.writer DB`) over a pipe and goes on fetching:

- the writer reads whatever articles are waiting (up to MAX_BATCH), cleans them, then stores
  them and settles their URLs in one transaction: SQLite's full-text index costs ~1.5 ms per
  commit when each article commits alone, a fraction of that per article in a batch;
- only then does it answer, and only on the answer does the crawl mark the request done in
  its frontier. A crawl killed with SIGKILL loses nothing (unanswered requests are still in
  flight in the frontier and are fetched again) and duplicates nothing (the writer finishes
  what it was sent, sees end-of-file and exits; what it stored is skipped as known);
- the writer ignores SIGINT: Ctrl-C stops the crawl, which waits for its answers and then
  closes the pipe;
- if the writer dies, the articles it had not answered are stored in the crawl process, and
  so is everything after (logged as a warning).

Frames on both pipes are a 4-byte big-endian length and a pickle.
"""

from __future__ import annotations

import logging
import os
import pickle
import select
import signal
import sqlite3
import struct
import subprocess
import sys
import threading
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any

logger = logging.getLogger(__name__)

# Articles cleaned and stored per transaction at most: more amortises the full-text index
# further, but keeps more fetched pages unanswered (and so fetched again after a kill).
MAX_BATCH = 32
_HEADER = struct.Struct(">I")


def _frame(obj: Any) -> bytes:
    data = pickle.dumps(obj, protocol=pickle.HIGHEST_PROTOCOL)
    return _HEADER.pack(len(data)) + data


class FrameReader:
    """Reads length-prefixed pickles from a file descriptor."""

    def __init__(self, fd: int) -> None:
        self.fd = fd
        self.buf = bytearray()
        self.eof = False

    def _take(self, limit: int) -> list[Any]:
        out: list[Any] = []
        pos = 0
        buf = self.buf
        while len(out) < limit and len(buf) - pos >= _HEADER.size:
            (size,) = _HEADER.unpack_from(buf, pos)
            if len(buf) - pos - _HEADER.size < size:
                break
            start = pos + _HEADER.size
            out.append(pickle.loads(bytes(buf[start : start + size])))
            pos = start + size
        del buf[:pos]
        return out

    def _fill(self) -> bool:
        chunk = os.read(self.fd, 1 << 20)
        if not chunk:
            self.eof = True
            return False
        self.buf += chunk
        return True

    def batch(self, limit: int) -> list[Any] | None:
        """Block for at least one frame, then take those already waiting (up to `limit`).

        None at end of input.
        """
        out = self._take(limit)
        while not out:
            if self.eof or not self._fill():
                return None
            out = self._take(limit)
        while len(out) < limit and not self.eof and select.select([self.fd], [], [], 0)[0]:
            if not self._fill():
                break
            out += self._take(limit - len(out))
        return out


# ---------------------------------------------------------------- the writer process


class _BatchConnection:
    """A sqlite3 connection whose `with` blocks do not commit: the writer commits each batch.

    touzi.schema's functions wrap their writes in `with db.conn:`; inside the writer those
    writes join the batch's transaction (each article in its own savepoint).
    """

    def __init__(self, conn: sqlite3.Connection) -> None:
        self._conn = conn

    def __enter__(self) -> _BatchConnection:
        return self

    def __exit__(self, *exc: object) -> bool:
        return False

    def __getattr__(self, name: str) -> Any:
        return getattr(self._conn, name)


def _store_batch(ingestor: Any, jobs: list[dict[str, Any]]) -> list[dict[str, Any]]:
    from touzi.runner import clean_for_store, store_cleaned
    from touzi.schema import articles, crawl_runs

    db = ingestor.db
    conn = db.conn
    # Cleaning needs no database: done before the transaction opens, so that the crawl
    # process's own writes (run checkpoints, failures) wait only for the inserts.
    cleaned = [clean_for_store(job["raw"]) for job in jobs]
    replies = []
    # IMMEDIATE: the batch's near-duplicate lookups must see every article stored before it,
    # also by another crawl's writer on the same database (none can commit in between).
    # (Two writers per crawl were measured: they spent their time in SQLite's busy sleeps.)
    conn.execute("BEGIN IMMEDIATE")
    # The batch's full-text rows are written last, together (see schema.articles.insert_fts).
    fts: list[tuple[int, str, str]] = []
    ingestor.fts_later = fts
    try:
        for job, article in zip(jobs, cleaned, strict=True):
            reply: dict[str, Any] = {"token": job["token"]}
            conn.execute("SAVEPOINT article")
            kept = len(fts)
            try:
                result = store_cleaned(ingestor, article)
                crawl_runs.settle_url(db, job["url"], job["site"], result.status, job["run_id"],
                                      result.article_id)
            except Exception as exc:  # a storage bug must not lose the rest of the batch
                conn.execute("ROLLBACK TO article")
                del fts[kept:]
                reply.update(status="error", error=traceback.format_exception_only(type(exc), exc)[-1].strip())
            else:
                reply.update(status=result.status, article_id=result.article_id)
            conn.execute("RELEASE article")
            replies.append(reply)
        articles.insert_fts(db, fts)
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    finally:
        ingestor.fts_later = None
    for job, reply in zip(jobs, replies, strict=True):
        if job.get("extract") and reply["status"] == "new":
            reply["extract"] = _extract(db, reply["article_id"])
    return replies


def _extract(db: Any, article_id: int) -> str | None:
    """Extract one stored article in its own transaction; the error, or None."""
    from touzi import runner

    conn = db.conn
    conn.execute("BEGIN IMMEDIATE")
    try:
        outcome = runner.extract_article(db, article_id)
    except Exception as exc:  # an extractor bug must not stop the crawl
        conn.execute("ROLLBACK")
        return f"{type(exc).__name__}: {exc}"
    conn.execute("COMMIT")
    return getattr(outcome, "error", None) or None


def main(argv: list[str] | None = None) -> int:
    """Run the writer on the database named in argv: answer every article sent on stdin."""
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1:
        print("usage: python -m touzi.spiders.writer DB", file=sys.stderr)
        return 2
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    # Answers go on the original stdout; anything a library prints goes to stderr instead.
    answers = os.dup(1)
    os.dup2(2, 1)
    from touzi.runner import Ingestor
    from touzi.schema.db import connect

    db = connect(args[0])
    db.conn.isolation_level = None  # transactions are the writer's: BEGIN ... COMMIT per batch
    db.conn = _BatchConnection(db.conn)  # type: ignore[assignment]
    ingestor = Ingestor(db)
    reader = FrameReader(0)
    try:
        while (jobs := reader.batch(MAX_BATCH)) is not None:
            data = _frame(_store_batch(ingestor, jobs))
            view = memoryview(data)
            while view:
                view = view[os.write(answers, view) :]
    except BrokenPipeError:  # the crawl process is gone: what was stored stays stored
        pass
    finally:
        ingestor.close()
    return 0


# ---------------------------------------------------------------- the crawl process's side


class WriterClient:
    """The crawl process's handle on its writer process (one per database file).

    `submit` is called on the reactor thread and never blocks: a sender thread writes to the
    pipe and a receiver thread hands each answer back through `call_in_reactor`.
    """

    def __init__(self, db_path: str | Path, call_in_reactor: Callable[..., Any] | None = None) -> None:
        self.db_path = Path(db_path).resolve()
        self.call_in_reactor = call_in_reactor
        self.proc: subprocess.Popen[bytes] | None = None
        self.pending: dict[int, tuple[dict[str, Any], Callable[[dict[str, Any]], None]]] = {}
        self.alive = True
        self._next = 0
        self._lock = threading.Lock()
        self._outbox: list[bytes] = []
        self._wake = threading.Condition(self._lock)
        self._closing = False
        self._sender = threading.Thread(target=self._send_loop, name="touzi-writer-send", daemon=True)
        self._receiver = threading.Thread(target=self._receive_loop, name="touzi-writer-recv", daemon=True)

    def start(self) -> None:
        """Start the writer process (once; called when the crawl opens, with its reactor running)."""
        if self.proc is not None:
            return
        if self.call_in_reactor is None:
            # Imported here, not at module level: importing the reactor installs one, and the
            # crawl must install its own first.
            from twisted.internet import reactor

            self.call_in_reactor = reactor.callFromThread  # type: ignore[attr-defined]
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "touzi.spiders.writer", str(self.db_path)],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, bufsize=0,
        )
        self._sender.start()
        self._receiver.start()

    def submit(self, job: dict[str, Any], on_answer: Callable[[dict[str, Any]], None]) -> None:
        """Send one article (a dict with raw, url, site, run_id, extract) to be stored."""
        self.start()
        self._next += 1
        job = dict(job, token=self._next)
        self.pending[self._next] = (job, on_answer)
        data = _frame(job)
        with self._lock:
            self._outbox.append(data)
            self._wake.notify()

    def _send_loop(self) -> None:
        assert self.proc is not None
        stdin = self.proc.stdin
        assert stdin is not None
        while True:
            with self._lock:
                while not self._outbox and not self._closing:
                    self._wake.wait()
                chunks, self._outbox = self._outbox, []
                closing = self._closing
            try:
                for chunk in chunks:
                    stdin.write(chunk)
                if closing:
                    stdin.close()
                    return
            except (BrokenPipeError, OSError, ValueError):
                return  # the writer died; the receiver reports it

    def _receive_loop(self) -> None:
        assert self.proc is not None and self.call_in_reactor is not None
        stdout = self.proc.stdout
        assert stdout is not None
        reader = FrameReader(stdout.fileno())
        while (batches := reader.batch(64)) is not None:
            self.call_in_reactor(self._answer, [a for batch in batches for a in batch])
        self.call_in_reactor(self._gone)

    def _answer(self, answers: list[dict[str, Any]]) -> None:
        for answer in answers:
            entry = self.pending.pop(answer["token"], None)
            if entry is not None:
                entry[1](answer)

    def _gone(self) -> None:
        """The writer's answers ended: whatever it never answered is handed back as lost."""
        self.alive = False
        if self.pending and not self._closing:
            assert self.proc is not None
            logger.warning("the article writer process stopped (exit code %s); storing %d "
                           "articles in the crawl process", self.proc.poll(), len(self.pending))
        pending, self.pending = self.pending, {}
        for job, on_answer in pending.values():
            on_answer({"token": job["token"], "status": "lost", "job": job})

    def close(self, timeout: float = 60.0) -> None:
        """Close the pipe and wait for the writer to store what it has and exit."""
        if self.proc is None:
            return
        with self._lock:
            self._closing = True
            self._wake.notify()
        self._sender.join(timeout)
        try:
            self.proc.wait(timeout)
        except subprocess.TimeoutExpired:
            logger.warning("the article writer process did not exit; killing it")
            self.proc.kill()
            self.proc.wait()


if __name__ == "__main__":
    raise SystemExit(main())

"""The index a running process answers from: loaded from the store, refreshed by a build, following builds
made by other processes, and whether semantic search can run against it.

This is the one object request threads share. Everything it holds (the loaded Index, `dense_error`,
`build_notice`, `last_build`) is replaced under its lock and only read elsewhere; a request that finds the
embedder failing reports it here (`dense_unavailable`) rather than writing the notice itself.
"""
from __future__ import annotations

import threading
import time
from pathlib import Path

import qa.index.build as index_build
from qa.config import Settings
from qa.index.embedder import Embedder, EmbedderUnavailable
from qa.index.store import Index, IndexCorrupt, BuildLocked, model_mismatch
from qa.index.stores import StoreError, open_store


FIRST_BUILD_WAIT = 1800  # seconds a process starting on an empty index waits for another's first build


def bm25_only_notice(reason) -> str:
    """What the user is told when semantic search cannot run (the CLI, the chat and the JSON `notices`)."""
    return f"Semantic search is unavailable ({reason}); answers use keyword search (BM25) only."


class LiveIndex:
    def __init__(self, settings: Settings, embedder: Embedder):
        self.settings = settings
        self.embedder = embedder
        self.store = open_store(settings)  # the index folder, or PostgreSQL (QA_DATABASE_URL)
        self.index: Index | None = None
        self.dense_error: str | None = None  # why semantic search cannot run (None: it can)
        self.last_build: index_build.BuildReport | None = None
        self.build_notice: str | None = None  # another process held the build lock at the last refresh
        self._lock = threading.RLock()

    def current(self) -> Index | None:
        """The loaded index, for one request (a reload meanwhile does not change what that request reads)."""
        with self._lock:
            return self.index

    def dense_unavailable(self, reason) -> None:
        """The embedder failed while answering: later questions use BM25 alone (and say so)."""
        with self._lock:  # one writer at a time; readers see the old or the new notice, never half
            self.dense_error = bm25_only_notice(reason)

    def refresh(self, progress: index_build.Progress | None = None, paths: list[Path] | None = None,
                force: bool = False) -> index_build.BuildReport:
        """Build the index if missing or stale (a no-op when nothing changed), then load it."""
        # What it was built from (`qa ingest PATH` sets it), else the corpus folder
        roots = [] if paths else self._manifest_roots()
        gone = [str(r) for r in roots if not r.exists()]
        rebuilt_notice = None
        if gone:
            # A folder the index was built from is gone: rebuilding from the corpus folder instead would replace
            # every document it holds with other ones. It answers as built, and says so.
            notice = (f"The folders this index was built from are not there any more ({', '.join(gone)}); "
                      f"answering from the index as it was built (`qa ingest PATH` rebuilds it)")
            try:
                self.load()
            except IndexCorrupt:
                # (unreadable as built, another model's vectors: nothing of it can answer, so the corpus folder's
                # documents do, and the notice says why)
                paths = [Path(self.settings.corpus_dir)]
                rebuilt_notice = (f"The folders this index was built from are not there any more ({', '.join(gone)}) "
                                  f"and it could not be read as built, so it was rebuilt from the corpus folder "
                                  f"{paths[0]}")
            else:
                with self._lock:
                    self.build_notice = notice
                return index_build.BuildReport(rebuilt=False, notice=notice)
        paths = paths or roots or [Path(self.settings.corpus_dir)]
        try:
            report = index_build.build(self.settings, paths=paths, progress=progress, force=force,
                                       embedder=self.embedder)
        except BuildLocked as exc:
            if self.store.live_id() is None:
                self._wait_for_first_build(exc)
            # Another process is building: answer from the live index meanwhile.
            self.load()
            with self._lock:
                self.build_notice = f"{exc}; answering from the current index"
            return index_build.BuildReport(rebuilt=False, notice=self.build_notice)
        with self._lock:
            self.last_build = report
            self.build_notice = rebuilt_notice  # this process built: no other build is in the way any more
        try:
            self.load()
        except IndexCorrupt:
            report = index_build.build(self.settings, paths=paths, progress=progress, force=True,
                                       embedder=self.embedder)
            with self._lock:
                self.last_build = report
            self.load()
        return report

    def _wait_for_first_build(self, locked: BuildLocked) -> None:
        """Another process holds the lock and nothing is live yet (app replicas starting together on an empty
        database): wait for its build rather than fail, then answer from it."""
        deadline = time.monotonic() + FIRST_BUILD_WAIT
        while self.store.live_id() is None:
            if time.monotonic() > deadline:
                raise locked
            time.sleep(0.5)

    def follow(self) -> None:
        """Pick up a build made by another process (`qa ingest`, another app replica): one readlink (or one
        indexed SELECT) a question."""
        try:
            live = self.store.live_id()
        except StoreError:
            return  # the database is unreachable for a moment: keep answering from memory
        if live is None or self.index is None or live == self.index.build_id:
            return
        try:
            self.load()
        except (IndexCorrupt, FileNotFoundError, OSError, StoreError):
            pass  # keep answering from the index already in memory

    def _manifest_roots(self) -> list[Path]:
        manifest = self.store.read_live_manifest() or {}
        return [Path(r) for r in manifest.get("roots", [])]

    def load(self) -> None:
        """Load the live build; IndexCorrupt when it is damaged or its vectors come from another model. Checked
        before it replaces anything: a build by another model leaves the index in memory answering."""
        loaded = self.store.load()
        if loaded.dense is None:
            reason = loaded.manifest.get("report", {}).get("notice") or "the index has no vectors"
            dense_error = bm25_only_notice(reason)
        else:
            try:
                self.embedder.load()  # outside the lock: loading a model takes seconds
                dense_error = None
            except EmbedderUnavailable as exc:
                dense_error = bm25_only_notice(exc)
        mismatch = model_mismatch(loaded.manifest, self.embedder.model_id) if dense_error is None else None
        if mismatch:
            raise IndexCorrupt(mismatch)
        with self._lock:
            self.index = loaded
            self.dense_error = dense_error

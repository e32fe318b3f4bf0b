"""Which store holds the index: the folder beside the process (default) or PostgreSQL (QA_DATABASE_URL).

Both answer the same calls, so qa/index/build.py and qa/index/live.py do not know which one they use:
    lock() (BuildLocked when another build holds it), remove_stale(), read_live_manifest(), live_id(),
    live_contents(), write_build(contents, manifest) -> handle, publish(handle), load() -> Index, describe().
"""
from __future__ import annotations

from typing import Protocol

from qa.config import Settings
from qa.index.store import BuildContents, Index, IndexStore, LiveContents


class StoreError(RuntimeError):
    """The store cannot be reached or read (the message never contains credentials)."""


class Store(Protocol):
    keeps_sentence_vectors: bool

    def lock(self): ...
    def remove_stale(self) -> None: ...
    def read_live_manifest(self) -> dict | None: ...
    def live_id(self): ...
    def live_contents(self, vectors: bool = True) -> LiveContents: ...
    def write_build(self, contents: BuildContents, manifest: dict): ...
    def publish(self, handle) -> None: ...
    def load(self, verify: bool = True) -> Index: ...
    def describe(self) -> str: ...


def open_store(settings: Settings) -> Store:
    if settings.database_url:
        from qa.index.pg_store import PgStore  # psycopg is only needed when a database is configured

        return PgStore(settings.database_url)
    return IndexStore(settings.index_dir)

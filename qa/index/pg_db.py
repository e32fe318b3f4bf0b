"""Connections to the PostgreSQL that holds the index (QA_DATABASE_URL): one per thread, autocommit, errors that
never show the password.

Why per thread: the app answers questions on several threads and a psycopg connection runs one statement at a
time. Why prepare_threshold=None: a server-side prepared (generic) plan silently changes which index a search
uses (docs/scale-probe.md §2); every query is planned with its own values instead.
"""
from __future__ import annotations

import threading

import psycopg

from qa.config import redact_url
from qa.index.stores import StoreError


class Database:
    def __init__(self, url: str):
        self._url = url  # never in a message: describe() is what is shown
        self._local = threading.local()

    def describe(self) -> str:
        return f"PostgreSQL {redact_url(self._url)}"

    def connect(self) -> psycopg.Connection:
        """A new connection of its own (a build's lock holds one for as long as the build runs)."""
        try:
            conn = psycopg.connect(self._url, autocommit=True, prepare_threshold=None, connect_timeout=10)
        except psycopg.Error as exc:
            raise StoreError(f"cannot connect to {self.describe()}: {redact_url(str(exc)).strip()}") from None
        conn.info_vector = register_vector_types(conn)  # type: ignore[attr-defined]
        return conn

    def conn(self) -> psycopg.Connection:
        """This thread's connection, reopened when the last one broke. Opened before the first build created the
        extension, it learns pgvector's types as soon as they exist."""
        conn = getattr(self._local, "conn", None)
        if conn is None or conn.closed or conn.broken:
            conn = self._local.conn = self.connect()
        if not conn.info_vector:
            conn.info_vector = register_vector_types(conn)
        return conn


def register_vector_types(conn: psycopg.Connection) -> bool:
    """Teach the connection pgvector's types; False while the extension is not yet created (before a first build)."""
    from pgvector.psycopg import register_vector

    try:
        register_vector(conn)
        return True
    except psycopg.ProgrammingError:  # "vector type not found in the database"
        return False

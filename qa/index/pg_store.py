"""The index in PostgreSQL + pgvector: the same build published atomically, one version at a time.

Layout (schema `public`):
    qa_versions(id, state, manifest)     one row per build: 'ready' (written, not live) or 'published'
    qa_current(version_id)               the live version: one row, swapped in one transaction
    qa_v<id>_documents(doc_no, data)     Document.to_dict() as jsonb
    qa_v<id>_passages(row, doc_no, data, embed_key, emb vector(dim))
    qa_v<id>_terms(term, term_id, df)    the BM25 vocabulary of that version (the product's tokenizer)
    qa_v<id>_postings(term_id, row, doc_no, weight)   exact Okapi BM25 weight of a term in a passage

Why a table set per version: BM25 weights depend on the whole corpus (idf, average length), so every version
has its own; a version is written in one transaction (a killed build leaves nothing but, at worst, an unpublished
'ready' row that the next build removes), readers follow qa_current and never see half a version, and an old
version is dropped whole. Why postings rather than a sparsevec per passage: a query reads only its own terms'
postings through the (term_id, row) key, where `<#>` over sparsevecs scans every passage in scope.
Builds are serialised by a session advisory lock, released by the server when the holder's connection dies.
"""
from __future__ import annotations

import psycopg
from psycopg.types.json import Jsonb

from qa.datatypes import Document, Passage
from qa.index.dense import HNSW_M, HNSW_THRESHOLD
from qa.index.pg_db import Database, register_vector_types
from qa.index.pg_search import PgBM25, PgDense, table
from qa.index.store import FORMAT_VERSION, BuildContents, BuildLocked, Index, IndexCorrupt, LiveContents
from qa.index.stores import StoreError

BUILD_LOCK_KEY = 0x71612D696E646578  # "qa-index": the advisory lock every build of this database takes
KEEP_VERSIONS = 2  # the live one and the one before it (a replica may still be loading it)

SCHEMA = """
CREATE EXTENSION IF NOT EXISTS vector;
CREATE TABLE IF NOT EXISTS qa_versions (id serial PRIMARY KEY, state text NOT NULL,
    created timestamptz NOT NULL DEFAULT now(), manifest jsonb);
CREATE TABLE IF NOT EXISTS qa_current (singleton bool PRIMARY KEY DEFAULT true CHECK (singleton),
    version_id int NOT NULL REFERENCES qa_versions(id));
"""


class PgBuildLock:
    """pg_try_advisory_lock on a connection of its own, held for the build: a second build is refused with
    BuildLocked, and a killed build's lock goes with its connection."""

    def __init__(self, db: Database):
        self.db = db
        self.conn = None

    def __enter__(self):
        self.conn = self.db.connect()
        if not self.conn.execute("SELECT pg_try_advisory_lock(%s)", (BUILD_LOCK_KEY,)).fetchone()[0]:
            holder = self.conn.execute(
                "SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND granted AND objid = %s AND classid = %s",
                (BUILD_LOCK_KEY & 0xFFFFFFFF, BUILD_LOCK_KEY >> 32)).fetchone()
            self.conn.close()
            who = f"server process {holder[0]}" if holder else "another process"
            raise BuildLocked(f"another index build is running on the database ({who}); "
                              f"try again when it finishes")
        return self

    def __exit__(self, *exc):
        self.conn.close()  # ends the session: the advisory lock is released with it


class PgStore:
    # The answer sentences' vectors (qa/index/sentence_vectors.py) are not kept here: questions embed them, as before.
    keeps_sentence_vectors = False

    def __init__(self, url: str):
        self.db = Database(url)

    def describe(self) -> str:
        return self.db.describe()

    def lock(self) -> PgBuildLock:
        return PgBuildLock(self.db)

    # ------------------------------------------------------------ reading

    def _one(self, query: str, params=()):
        try:
            return self.db.conn().execute(query, params).fetchone()
        except psycopg.errors.UndefinedTable:
            return None  # no build has created the schema yet
        except psycopg.OperationalError as exc:
            raise StoreError(f"{self.describe()}: {exc.__class__.__name__}") from None

    def live_id(self) -> int | None:
        row = self._one("SELECT version_id FROM qa_current")
        return row[0] if row else None

    def read_live_manifest(self) -> dict | None:
        row = self._one("SELECT v.manifest FROM qa_current c JOIN qa_versions v ON v.id = c.version_id")
        return row[0] if row else None

    def _documents(self, conn, version: int) -> list[Document]:
        rows = conn.execute(f"SELECT data FROM {table(version, 'documents')} ORDER BY doc_no").fetchall()
        return [Document.from_dict(r[0]) for r in rows]

    def live_contents(self, vectors: bool = True) -> LiveContents:
        version = self.live_id()
        if version is None:
            raise StoreError("no live version")
        conn = self.db.conn()
        documents = self._documents(conn, version)
        if not vectors:
            return LiveContents(documents, [], None)
        import numpy as np

        rows = conn.execute(f"SELECT embed_key, emb FROM {table(version, 'passages')} "
                            f"WHERE emb IS NOT NULL ORDER BY row").fetchall()
        keys = [r[0] for r in rows]
        return LiveContents(documents, keys, np.vstack([r[1].to_numpy() for r in rows]) if rows else None)

    def load(self, verify: bool = True) -> Index:
        """The live version: documents and passages in memory (as from the folder), searches in SQL."""
        if self.live_id() is None:
            raise FileNotFoundError(f"no index in {self.describe()}")
        conn = self.db.conn()
        with conn.transaction():  # one snapshot: the manifest and the tables of the same version
            version, manifest = conn.execute(
                "SELECT v.id, v.manifest FROM qa_current c JOIN qa_versions v ON v.id = c.version_id").fetchone()
            if manifest.get("format") != FORMAT_VERSION:
                raise IndexCorrupt("index was written by another version of the program")
            documents = {d.doc_id: d for d in self._documents(conn, version)}
            passages = [Passage.from_dict(r[0]) for r in conn.execute(
                f"SELECT data FROM {table(version, 'passages')} ORDER BY row").fetchall()]
        counts = manifest.get("counts", {})
        if counts.get("documents") != len(documents) or counts.get("passages") != len(passages):
            raise IndexCorrupt("index counts do not match its manifest")
        doc_nos = {doc_id: n for n, doc_id in enumerate(documents)}
        bm25 = PgBM25(self.db, version, len(passages), doc_nos, manifest.get("tokenizer", {}))
        dense = PgDense(self.db, version, len(passages), doc_nos, hnsw=manifest.get("hnsw", False)) \
            if manifest.get("dense") else None
        return Index(None, manifest, documents, passages, bm25, dense, build_id=version)

    # ------------------------------------------------------------ writing (under the lock)

    def remove_stale(self) -> None:
        """Create the schema on first use, and drop versions a killed build wrote but never published."""
        conn = self.db.conn()
        with conn.transaction():
            conn.execute(SCHEMA)
        register_vector_types(conn)
        live = self.live_id()
        for (version,) in conn.execute("SELECT id FROM qa_versions WHERE state <> 'published' AND id <> %s",
                                       (live or -1,)).fetchall():
            self._drop(conn, version)

    def write_build(self, contents: BuildContents, manifest: dict) -> int:
        """Write a version in one transaction (a build killed meanwhile leaves nothing); not yet live."""
        conn = self.db.conn()
        register_vector_types(conn)
        passages, bm25, vectors = contents.passages, contents.bm25, contents.vectors
        hnsw = vectors is not None and len(passages) > HNSW_THRESHOLD  # as in-process: exact search below it
        manifest = {**manifest, "tokenizer": bm25.tokenizer_options, "hnsw": hnsw}
        doc_nos = {d.doc_id: n for n, d in enumerate(contents.documents)}
        with conn.transaction():
            version = conn.execute("INSERT INTO qa_versions (state) VALUES ('ready') RETURNING id").fetchone()[0]
            emb = f", emb vector({vectors.shape[1]})" if vectors is not None else ", emb vector"
            conn.execute(f"""
                CREATE TABLE {table(version, 'documents')} (doc_no int PRIMARY KEY, data jsonb NOT NULL);
                CREATE TABLE {table(version, 'passages')} (row int PRIMARY KEY, doc_no int NOT NULL,
                    data jsonb NOT NULL, embed_key text{emb});
                CREATE TABLE {table(version, 'terms')} (term text PRIMARY KEY, term_id int NOT NULL, df int NOT NULL);
                CREATE TABLE {table(version, 'postings')} (term_id int NOT NULL, row int NOT NULL,
                    doc_no int NOT NULL, weight real NOT NULL);
                -- Vectors stay in the row (1.5 KB, incompressible): otherwise TOAST moves them out of line and an
                -- exact scan reads six pages per passage instead of one (measured: 35 ms -> see README).
                ALTER TABLE {table(version, 'passages')} ALTER COLUMN emb SET STORAGE PLAIN;""")
            cur = conn.cursor()
            with cur.copy(f"COPY {table(version, 'documents')} FROM STDIN (FORMAT BINARY)") as cp:
                cp.set_types(["int4", "jsonb"])
                for n, doc in enumerate(contents.documents):
                    cp.write_row((n, Jsonb(doc.to_dict())))
            with cur.copy(f"COPY {table(version, 'passages')} FROM STDIN (FORMAT BINARY)") as cp:
                cp.set_types(["int4", "int4", "jsonb", "text", "vector"])
                for row, p in enumerate(passages):
                    cp.write_row((row, doc_nos[p.doc_id], Jsonb(p.to_dict()),
                                  contents.embed_keys[row] if vectors is not None else None,
                                  vectors[row] if vectors is not None else None))
            matrix = bm25.matrix.tocsc()
            df = matrix.indptr[1:] - matrix.indptr[:-1]
            with cur.copy(f"COPY {table(version, 'terms')} FROM STDIN (FORMAT BINARY)") as cp:
                cp.set_types(["text", "int4", "int4"])
                for term, col in bm25.vocabulary.items():
                    cp.write_row((term, col, int(df[col])))
            passage_doc = [doc_nos[p.doc_id] for p in passages]
            coo = matrix.tocoo()
            with cur.copy(f"COPY {table(version, 'postings')} FROM STDIN (FORMAT BINARY)") as cp:
                cp.set_types(["int4", "int4", "int4", "float4"])
                for r, c, w in zip(coo.row.tolist(), coo.col.tolist(), coo.data.tolist()):
                    cp.write_row((c, r, passage_doc[r], w))
            conn.execute(f"""
                ALTER TABLE {table(version, 'postings')} ADD PRIMARY KEY (term_id, row);
                CREATE INDEX ON {table(version, 'passages')} (doc_no);""")
            if hnsw:
                conn.execute("SET LOCAL maintenance_work_mem = '512MB'")
                conn.execute(f"CREATE INDEX ON {table(version, 'passages')} USING hnsw (emb vector_ip_ops) "
                             f"WITH (m = {HNSW_M}, ef_construction = 80)")
            conn.execute("UPDATE qa_versions SET manifest = %s WHERE id = %s", (Jsonb(manifest), version))
        for kind in ("documents", "passages", "terms", "postings"):
            conn.execute(f"ANALYZE {table(version, kind)}")
        return version

    def publish(self, version: int) -> None:
        """Make `version` live in one transaction, then drop versions older than the one before it."""
        conn = self.db.conn()
        with conn.transaction():
            conn.execute("UPDATE qa_versions SET state = 'published' WHERE id = %s", (version,))
            conn.execute("INSERT INTO qa_current (version_id) VALUES (%s) ON CONFLICT (singleton) "
                         "DO UPDATE SET version_id = EXCLUDED.version_id", (version,))
        old = conn.execute("SELECT id FROM qa_versions WHERE state = 'published' ORDER BY id DESC OFFSET %s",
                           (KEEP_VERSIONS,)).fetchall()
        for (v,) in old:
            self._drop(conn, v)

    @staticmethod
    def _drop(conn, version: int) -> None:
        with conn.transaction():
            for kind in ("postings", "terms", "passages", "documents"):
                conn.execute(f"DROP TABLE IF EXISTS {table(version, kind)}")
            conn.execute("DELETE FROM qa_versions WHERE id = %s", (version,))

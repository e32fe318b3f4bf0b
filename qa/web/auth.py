"""Who may use the web app: loopback needs no login; any other bind address requires credentials.

Credentials come from the environment or a file, never from the command line (where they would show in
`ps` and shell history):

    QA_AUTH_USERNAME=alice QA_AUTH_PASSWORD=...      one user
    QA_AUTH_FILE=/etc/qa/users                       one `user:password` a line; blank lines and # comments ignored
"""
from __future__ import annotations

import ipaddress
import os
import stat
from pathlib import Path
from typing import Mapping

LOOPBACK_NAMES = {"localhost", "localhost.localdomain", "ip6-localhost", "ip6-loopback"}


class AuthError(RuntimeError):
    """The app must not start; the message says why and what to do."""


def is_loopback(host: str | None) -> bool:
    """True for 127.0.0.0/8, ::1 and localhost; False for 0.0.0.0, '', names and everything else."""
    if not host:
        return False
    host = host.strip().strip("[]").lower()
    if host in LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def parse_credentials_file(path: Path) -> list[tuple[str, str]]:
    try:
        text = Path(path).read_text(encoding="utf-8")
    except OSError as exc:
        raise AuthError(f"cannot read the credentials file QA_AUTH_FILE={path}: {exc.strerror or exc}")
    users: list[tuple[str, str]] = []
    for n, line in enumerate(text.splitlines(), 1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        user, sep, password = line.partition(":")
        if not sep or not user.strip() or not password:
            raise AuthError(f"{path}, line {n}: expected 'user:password'")
        users.append((user.strip(), password))
    if not users:
        raise AuthError(f"the credentials file {path} holds no 'user:password' lines")
    return users


def load_credentials(env: Mapping[str, str] | None = None) -> list[tuple[str, str]]:
    """Credentials from QA_AUTH_USERNAME/QA_AUTH_PASSWORD and/or QA_AUTH_FILE (empty list when none are set)."""
    env = os.environ if env is None else env
    users: list[tuple[str, str]] = []
    name, password = env.get("QA_AUTH_USERNAME", ""), env.get("QA_AUTH_PASSWORD", "")
    if name or password:
        if not (name and password):
            raise AuthError("set both QA_AUTH_USERNAME and QA_AUTH_PASSWORD (only one is set)")
        users.append((name, password))
    if env.get("QA_AUTH_FILE"):
        users.extend(parse_credentials_file(Path(env["QA_AUTH_FILE"])))
    return users


def file_warning(env: Mapping[str, str] | None = None) -> str | None:
    """A warning when the credentials file can be read by other users."""
    env = os.environ if env is None else env
    path = env.get("QA_AUTH_FILE")
    if not path:
        return None
    try:
        mode = Path(path).stat().st_mode
    except OSError:
        return None
    if mode & (stat.S_IRGRP | stat.S_IROTH):
        return f"warning: {path} is readable by other users; chmod 600 it"
    return None


def resolve_auth(host: str, env: Mapping[str, str] | None = None) -> list[tuple[str, str]] | None:
    """What to pass to Gradio's launch(auth=...): None on loopback without credentials, else the users.

    Raises AuthError (with a message fit for the terminal) when a non-loopback host has no credentials."""
    users = load_credentials(env)
    if users:
        return users
    if is_loopback(host):
        return None
    raise AuthError(
        f"refusing to serve on {host or '(all interfaces)'} without authentication. Anyone who can reach this "
        "address could read the documents. Set QA_AUTH_USERNAME and QA_AUTH_PASSWORD, or QA_AUTH_FILE (a file "
        "of 'user:password' lines), in the environment; or serve on 127.0.0.1.")

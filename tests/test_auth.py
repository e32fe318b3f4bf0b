import os
import stat

import pytest

from qa.web.auth import AuthError, file_warning, is_loopback, load_credentials, parse_credentials_file, resolve_auth


@pytest.mark.parametrize("host", ["127.0.0.1", "127.1.2.3", "localhost", "::1", "[::1]", "LOCALHOST"])
def test_loopback_hosts(host):
    assert is_loopback(host)


@pytest.mark.parametrize("host", ["0.0.0.0", "", None, "::", "192.168.1.10", "example.org", "10.0.0.1"])
def test_non_loopback_hosts(host):
    assert not is_loopback(host)


def test_loopback_needs_no_credentials():
    assert resolve_auth("127.0.0.1", {}) is None


def test_non_loopback_without_credentials_is_refused():
    with pytest.raises(AuthError) as info:
        resolve_auth("0.0.0.0", {})
    message = str(info.value)
    assert "QA_AUTH_USERNAME" in message and "QA_AUTH_FILE" in message and "127.0.0.1" in message


def test_credentials_from_environment():
    env = {"QA_AUTH_USERNAME": "alice", "QA_AUTH_PASSWORD": "s3cret:with:colons"}
    assert resolve_auth("0.0.0.0", env) == [("alice", "s3cret:with:colons")]
    # Credentials given on loopback are used too.
    assert resolve_auth("127.0.0.1", env) == [("alice", "s3cret:with:colons")]


def test_half_set_environment_is_an_error():
    with pytest.raises(AuthError, match="both"):
        load_credentials({"QA_AUTH_USERNAME": "alice"})
    with pytest.raises(AuthError, match="both"):
        load_credentials({"QA_AUTH_PASSWORD": "pw"})


def test_credentials_file(tmp_path):
    users = tmp_path / "users"
    users.write_text("# staff\nalice:pw1\n\n bob : pw:2\n")
    os.chmod(users, 0o600)
    assert parse_credentials_file(users) == [("alice", "pw1"), ("bob", " pw:2")]
    assert resolve_auth("0.0.0.0", {"QA_AUTH_FILE": str(users)}) == [("alice", "pw1"), ("bob", " pw:2")]
    assert file_warning({"QA_AUTH_FILE": str(users)}) is None
    os.chmod(users, 0o644)
    assert "chmod 600" in file_warning({"QA_AUTH_FILE": str(users)})


def test_bad_credentials_files(tmp_path):
    bad = tmp_path / "bad"
    bad.write_text("alice\n")
    with pytest.raises(AuthError, match="line 1"):
        parse_credentials_file(bad)
    empty = tmp_path / "empty"
    empty.write_text("# nobody\n")
    with pytest.raises(AuthError, match="no 'user:password'"):
        parse_credentials_file(empty)
    with pytest.raises(AuthError, match="cannot read"):
        load_credentials({"QA_AUTH_FILE": str(tmp_path / "missing")})


def test_app_refuses_public_host_without_credentials(monkeypatch, capsys):
    from qa.web import app

    for key in ("QA_AUTH_USERNAME", "QA_AUTH_PASSWORD", "QA_AUTH_FILE"):
        monkeypatch.delenv(key, raising=False)

    def no_assistant(*args, **kwargs):
        raise AssertionError("the app must refuse before loading anything")

    monkeypatch.setattr(app, "Assistant", no_assistant)
    assert app.main(["--host", "0.0.0.0", "--port", "7999"]) == 2
    assert "refusing to serve on 0.0.0.0 without authentication" in capsys.readouterr().err


def test_app_has_no_password_option():
    from qa.web import app

    with pytest.raises(SystemExit):
        app.main(["--password", "x"])

"""Passwords for a PostgreSQL database, found as psql finds them, and never printed.

A URL with no password leaves it to libpq: ``PGPASSWORD``, then the password file
(``PGPASSFILE``, else ``~/.pgpass``). These tests make a role with a password on the
test server and log in as it over TCP, where the server asks for passwords (the
server that ``.ci/postgres`` starts does).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

import psycopg
import pytest
from clihelpers import assert_one_line_error, ok_json
from engines import PostgresServer
from sqlalchemy.engine import make_url

PASSWORD = "n3wsr00m-S3cret%:@/"  # characters a URL or a config file could trip on


@dataclass(frozen=True)
class Desk:
    """A role with a password and a database of its own, reached over TCP."""

    role: str
    host: str
    port: int
    database: str

    def url(self, password: str | None = None) -> str:
        """The database's URL, with the password (escaped) or without it."""
        secret = "" if password is None else ":" + quote(password, safe="")
        return f"postgresql://{self.role}{secret}@{self.host}:{self.port}/{self.database}"

    def conninfo(self, password: str) -> str:
        return psycopg.conninfo.make_conninfo(host=self.host, port=self.port, dbname=self.database, user=self.role,
                                              password=password)


@pytest.fixture(scope="module")
def desk(postgres: PostgresServer) -> Iterator[Desk]:
    """The role and a new database it owns (factcheck makes its tables at the first command); a server
    that lets a wrong password in over TCP cannot show how passwords are found, and the tests are
    skipped on it.
    """
    base = make_url(postgres.url("postgres"))
    host = base.host or "127.0.0.1"
    port = int(base.port or base.query.get("port") or 5432)  # type: ignore[arg-type]
    role, database = postgres.new_name("desk"), postgres.new_name("desk_db")
    escaped = PASSWORD.replace("'", "''")
    postgres.execute(f"CREATE ROLE {role} LOGIN PASSWORD '{escaped}'")
    postgres.execute(f'CREATE DATABASE "{database}" OWNER {role}')
    try:
        found = Desk(role, host, port, database)
        try:
            psycopg.connect(found.conninfo("not-the-password"), connect_timeout=10).close()
        except psycopg.OperationalError:
            pass
        else:
            pytest.skip("the test server lets any password in over TCP (the one .ci/postgres starts does not)")
        yield found
    finally:
        postgres.drop(database)
        postgres.execute(f"DROP ROLE IF EXISTS {role}")


@pytest.fixture
def no_password_around(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """No password in the environment, and a home folder with no password file; returns that home."""
    for name in ("PGPASSWORD", "PGPASSFILE", "PGSERVICE", "PGSERVICEFILE"):
        monkeypatch.delenv(name, raising=False)
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    return home


def test_a_url_without_a_password_takes_it_from_pgpassword(invoke, desk: Desk, no_password_around: Path) -> None:
    assert ok_json(invoke(desk.url(), "sources", "--format", "json", env={"PGPASSWORD": PASSWORD})) == []


def test_a_url_without_a_password_takes_it_from_the_password_file(invoke, desk: Desk,
                                                                   no_password_around: Path) -> None:
    entry = f"{desk.host}:{desk.port}:{desk.database}:{desk.role}:{PASSWORD.replace(':', chr(92) + ':')}\n"
    pgpass = no_password_around / ".pgpass"
    pgpass.write_text(entry, encoding="utf-8")
    pgpass.chmod(0o600)  # libpq ignores a password file others can read
    assert ok_json(invoke(desk.url(), "sources", "--format", "json")) == []  # ~/.pgpass
    elsewhere = no_password_around / "desk.pgpass"
    os.replace(pgpass, elsewhere)
    assert ok_json(invoke(desk.url(), "sources", "--format", "json", env={"PGPASSFILE": str(elsewhere)})) == []


def test_a_password_in_the_url_works_and_is_never_printed(invoke, desk: Desk, no_password_around: Path,
                                                         tmp_path: Path) -> None:
    url = desk.url(PASSWORD)
    article = tmp_path / "article.txt"
    article.write_text("Leeds hired 2,400 nurses in 2021, the trust said.\n", encoding="utf-8")
    for args in (["ingest", str(article)], ["claims"], ["db", "upgrade"], ["db", "current"], ["export"]):
        result = invoke(url, *args)
        assert result.exit_code == 0, result.output
        assert PASSWORD not in result.output and "S3cret" not in result.output
    wrong = url.replace(desk.database, "no_such_database")
    line = assert_one_line_error(invoke(wrong, "claims"))
    assert "S3cret" not in line and f"{desk.role}:***@" in line


@pytest.mark.parametrize("given", ["nothing", "a wrong password"])
def test_a_refused_login_is_one_line_with_no_password(invoke, desk: Desk, no_password_around: Path,
                                                      given: str) -> None:
    env = {"PGPASSWORD": "Wr0ng-S3cret"} if given == "a wrong password" else {}
    line = assert_one_line_error(invoke(desk.url(), "claims", env=env))
    assert line.startswith(f"Error: cannot open database postgresql://{desk.role}@")
    assert "password" in line and "S3cret" not in line

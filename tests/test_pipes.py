"""A reader that goes away: ``factcheck export | head -1``.

Every command that writes to standard output is run as a real process whose stdout is
a pipe nobody reads: its read end is closed before the command starts, so the first
write fails with a broken pipe. The command must then stop quietly: exit status 0,
nothing on stderr (no traceback, no "Exception ignored" at exit).
"""

from __future__ import annotations

import os
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from test_robustness import GOOD_TEXT, _env

COMMANDS: dict[str, list[str]] = {
    "claims-table": ["claims"],
    "claims-json": ["claims", "--format", "json"],
    "claims-csv": ["claims", "--format", "csv"],
    "sources-table": ["sources"],
    "sources-json": ["sources", "--format", "json"],
    "sources-csv": ["sources", "--format", "csv"],
    "show-table": ["show", "1"],
    "show-json": ["show", "1", "--format", "json"],
    "agreements-table": ["agreements"],
    "agreements-json": ["agreements", "--format", "json"],
    "contradictions-csv": ["contradictions", "--format", "csv"],
    "contradictions-table": ["contradictions"],
    "figures-table": ["figures"],
    "figures-json": ["figures", "--format", "json"],
    "check-table": ["check"],
    "check-csv": ["check", "--format", "csv"],
    "export-csv": ["export", "--format", "csv"],
    "export-json": ["export", "--format", "json"],
    "export-jsonl": ["export", "--format", "jsonl"],
    "export-claimreview": ["export", "--format", "claimreview"],
    "verdicts-table": ["verdicts"],
    "verdicts-csv": ["verdicts", "--format", "csv"],
    "config": ["config"],
    "datasette-metadata": ["datasette", "--metadata"],
    "db-current": ["db", "current"],
    "db-upgrade": ["db", "upgrade"],
    "version": ["--version"],
}
PROGRAM = "from factcheck.cli import main; main()"


@pytest.fixture(scope="module")
def pipe_db(seeded_template: Path | str, copy_database, invoke) -> Path | str:
    """The seeds with a publisher and a verdict, so that every export has something to write."""
    path = copy_database(seeded_template, "pipes")
    for args in (("config", "publisher.name", "Fact Desk"), ("config", "publisher.url", "https://facts.example.org"),
                 ("verdict", "1", "--rating", "true", "--note", "Matches the published figures.")):
        assert invoke(path, *args).exit_code == 0
    return path


def _into_a_closed_pipe(args: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    """Run factcheck with stdout a pipe whose read end is already closed."""
    read_end, write_end = os.pipe()
    os.close(read_end)
    try:
        process = subprocess.Popen([sys.executable, "-c", PROGRAM, *args], cwd=cwd, env=_env(), text=True,
                                   stdin=subprocess.DEVNULL, stdout=write_end, stderr=subprocess.PIPE)
    finally:
        os.close(write_end)
    _, stderr = process.communicate(timeout=120)
    return subprocess.CompletedProcess(args, process.returncode, "", stderr)


@pytest.fixture(scope="module")
def finished(pipe_db: Path | str,
             tmp_path_factory: pytest.TempPathFactory) -> dict[str, subprocess.CompletedProcess[str]]:
    """Every command of COMMANDS run into a closed pipe, a few at a time."""
    cwd = tmp_path_factory.mktemp("pipe-runs")

    def run(args: list[str]) -> subprocess.CompletedProcess[str]:
        return _into_a_closed_pipe(args if args[0].startswith("-") else ["--db", str(pipe_db), *args], cwd)

    with ThreadPoolExecutor(max_workers=4) as pool:
        return dict(zip(COMMANDS, pool.map(run, COMMANDS.values()), strict=True))


@pytest.mark.parametrize("command", list(COMMANDS))
def test_a_reader_that_goes_away_ends_the_command_quietly(command: str, finished, pipe_db: Path | str) -> None:
    done = finished[command]
    if command == "datasette-metadata" and not isinstance(pipe_db, Path):  # Datasette serves SQLite files
        assert done.returncode == 1 and done.stderr.startswith("Error: ") and "snapshot" in done.stderr
        return
    assert (done.returncode, done.stderr) == (0, ""), done.stderr


@pytest.mark.parametrize("format", ["table", "json", "csv"])
def test_extract_into_a_closed_pipe(format: str, tmp_path: Path) -> None:
    article = tmp_path / "article.txt"
    article.write_text(GOOD_TEXT, encoding="utf-8")
    done = _into_a_closed_pipe(["extract", str(article), "--format", format], tmp_path)
    assert (done.returncode, done.stderr) == (0, ""), done.stderr


def test_a_long_export_stopped_midway_is_quiet_too(pipe_db: Path | str, tmp_path: Path) -> None:
    # the reader takes the first line and goes, as `head -1` does: the export is cut mid-stream
    process = subprocess.Popen([sys.executable, "-c", PROGRAM, "--db", str(pipe_db), "export", "--format", "jsonl"],
                               cwd=tmp_path, env=_env(), text=True, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert process.stdout is not None and process.stderr is not None
    first = process.stdout.readline()
    process.stdout.close()
    stderr = process.stderr.read()
    assert process.wait(timeout=120) == 0
    assert first.startswith('{"id": ') and stderr == ""

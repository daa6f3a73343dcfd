"""Assertions on CLI results shared by the command tests."""

from __future__ import annotations

import json
from typing import Any


def no_traceback(result: Any) -> None:
    """The command ended on its own terms: no exception escaped and no traceback was printed."""
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert "Traceback" not in result.output
    assert "unexpected" not in result.stderr, result.stderr


def ok_json(result: Any) -> Any:
    """A successful command's stdout, parsed as JSON."""
    assert result.exit_code == 0, result.output
    no_traceback(result)
    return json.loads(result.stdout)


def assert_one_line_error(result: Any) -> str:
    """A refused command: non-zero exit, one ``Error:`` line on stderr, nothing on stdout, no traceback."""
    assert result.exit_code != 0, result.output
    no_traceback(result)
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("Error:"), lines[0]
    assert result.stdout == ""
    return lines[0]

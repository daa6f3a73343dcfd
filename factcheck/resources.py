"""Locate the data files and migrations that ship with the package.

In an installed wheel they live inside the package (``factcheck/data``,
``factcheck/migrations``); in a source checkout they are the top-level
``data/`` and ``migrations/`` folders next to the package.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parent


def _locate(name: str) -> Path:
    for candidate in (_PACKAGE_DIR / name, _PACKAGE_DIR.parent / name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"factcheck installation is incomplete: no {name}/ folder")


@cache
def data_dir() -> Path:
    """The folder of lexicons and other data files the code reads."""
    return _locate("data")


@cache
def migrations_dir() -> Path:
    """The Alembic script folder."""
    return _locate("migrations")

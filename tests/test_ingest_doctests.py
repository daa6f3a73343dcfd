"""The examples in the docstrings of the ingest modules hold."""

from __future__ import annotations

import doctest
import importlib

import pytest

MODULES = ["dates", "frontmatter", "metadata", "urls", "manifest", "loader", "prepare"]


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name: str) -> None:
    module = importlib.import_module(f"factcheck.ingest.{name}")
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS)
    assert result.attempted > 0, f"{name} has no examples"
    assert result.failed == 0

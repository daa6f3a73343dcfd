"""What the package needs at run time is what it declares: a fresh install reads every kind of input.

A library can import another through a path of its own (trafilatura → jusText →
``lxml.html.clean``, a project of its own since lxml 5.2): when such a module is
not installed, reading HTML breaks although nothing in factcheck changed. These
tests make that one clear failure.
"""

from __future__ import annotations

import ast
import importlib
import re
import sys
import tomllib
from importlib.metadata import packages_distributions
from pathlib import Path

import pytest

from factcheck.ingest.loader import load_bytes

ROOT = Path(__file__).parent.parent
PAGE = b"""<!doctype html><html><head><title>Clinic waits</title></head><body><article>
<h1>Clinic waits</h1><p>Some 4,200 patients waited more than a year for surgery in Cardiff, the health board said.</p>
<p>The board plans to open two more theatres by the spring, at a cost of \xc2\xa312m.</p></article></body></html>"""


def _declared() -> dict[str, set[str]]:
    """Normalized names of the distributions pyproject.toml declares: ``"runtime"`` and each extra."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    groups = {"runtime": project["dependencies"], **project.get("optional-dependencies", {})}
    return {group: {_normalize(re.match(r"[A-Za-z0-9._-]+", spec)[0]) for spec in specs}  # type: ignore[index]
            for group, specs in groups.items()}


def _normalize(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _imported_modules() -> set[str]:
    """The top-level modules that factcheck's code imports, anywhere in a module (lazy imports too)."""
    found: set[str] = set()
    for path in (ROOT / "factcheck").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                found.update(alias.name.split(".")[0] for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                found.add(node.module.split(".")[0])
    return found - set(sys.stdlib_module_names) - {"factcheck", "__future__"}


def test_the_html_path_imports_whole() -> None:
    # what trafilatura reaches for when it cleans a page, imported the way it imports it
    for module in ("trafilatura", "justext", "lxml.html.clean", "htmldate"):
        importlib.import_module(module)
    doc = load_bytes(PAGE, "clinic.html")
    assert doc.kind == "html" and doc.title == "Clinic waits"
    assert "4,200 patients" in doc.text and "£12m" in doc.text


def test_lxml_html_clean_is_declared_by_name() -> None:
    # lxml's extra for it is spelt "html_clean" and "html-clean" by different releases, and older
    # pips do not treat the two as one: only the project's own name installs it everywhere
    assert "lxml-html-clean" in _declared()["runtime"]


def test_every_module_the_code_imports_is_declared() -> None:
    distributions = packages_distributions()
    declared = _declared()
    # imported only where the extra is used (pint: by the tool that rebuilds the unit table)
    optional = {"datasette": "datasette", "psycopg": "postgres", "pint": "tables"}
    for module in sorted(_imported_modules()):
        names = {_normalize(name) for name in distributions.get(module, [])}
        assert names, f"factcheck imports {module!r}, which no installed distribution provides"
        group = optional.get(module, "runtime")
        assert names & declared[group], f"{module!r} (from {sorted(names)}) is not declared in {group!r}"


@pytest.mark.parametrize("extra", ["datasette", "postgres", "test"])
def test_the_extras_the_readme_and_messages_name_exist(extra: str) -> None:
    assert extra in _declared()

"""The layers of factcheck, bottom to top, and the imports between them: they only ever run downwards.

Every module of the package belongs to one layer of :data:`LAYERS` (a new module must be
placed in one). A module may import modules of its own layer or of the layers below it,
never above; no two modules import each other, even through others. And SQL is the
storage layer's alone: no module outside ``factcheck.storage`` imports SQLAlchemy.
Imports made inside functions count as much as those at the top of a module.
"""

from __future__ import annotations

import ast
from collections.abc import Iterable
from pathlib import Path

import pytest

PACKAGE = Path(__file__).parent.parent / "factcheck"

# (layer, the modules in it: a name, or a package ending in ".*"), from the bottom up
LAYERS: list[tuple[str, list[str]]] = [
    ("pure: reading, extracting, rules, records", [
        "factcheck", "factcheck.errors", "factcheck.resources", "factcheck.amounts", "factcheck.extract.*",
        "factcheck.ingest", "factcheck.ingest.loader", "factcheck.ingest.prepare", "factcheck.ingest.preload",
        "factcheck.ingest.metadata", "factcheck.ingest.dates", "factcheck.ingest.frontmatter",
        "factcheck.ingest.urls", "factcheck.ingest.archives", "factcheck.ingest.manifest", "factcheck.ingest.feeds",
        "factcheck.ingest.fetch", "factcheck.crossref", "factcheck.consistency", "factcheck.claimreview",
        "factcheck.records"]),
    ("storage: the connection", [
        "factcheck.storage", "factcheck.storage.models", "factcheck.storage.engine", "factcheck.storage.bulk"]),
    ("storage: schema and settings", ["factcheck.storage.schema", "factcheck.storage.settings"]),
    ("storage: writes and queries", [
        "factcheck.storage.documents", "factcheck.storage.verdicts", "factcheck.storage.claims",
        "factcheck.storage.exports", "factcheck.storage.datasette"]),
    ("storage: link upkeep", ["factcheck.storage.links"]),
    ("storage: group reads", ["factcheck.storage.groups"]),
    ("storage: opening a database, snapshots", ["factcheck.storage.database", "factcheck.storage.snapshot"]),
    ("the pipeline and the exports", ["factcheck.ingest.pipeline", "factcheck.export", "factcheck.publish"]),
    ("the command line", ["factcheck.cli"]),
    ("the benchmark", ["factcheck.bench"]),
]


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {module_name(path): path for path in sorted(PACKAGE.rglob("*.py"))}


def layer_of(module: str) -> int | None:
    """The rank of a module's layer (0 at the bottom); ``None`` for a module in no layer."""
    for rank, (_, members) in enumerate(LAYERS):
        for member in members:
            if module == member or (member.endswith(".*") and (module + ".").startswith(member[:-1])):
                return rank
    return None


def imported_modules(source: str, module: str) -> set[str]:
    """The modules a module's source imports, wherever in the module the import is: ``from
    factcheck.storage import bulk`` imports the module ``factcheck.storage.bulk``, ``from factcheck.errors
    import InputError`` the module ``factcheck.errors``.
    """
    package = module if module in MODULES and MODULES[module].name == "__init__.py" else module.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                base = ".".join([*package.split(".")[: len(package.split(".")) - node.level + 1], base]).strip(".")
            submodules = {f"{base}.{alias.name}" for alias in node.names} & MODULES.keys()
            found.update(submodules)
            if len(submodules) < len(node.names):  # names defined by the module itself
                found.add(base)
    return found


def upward_imports(imports: dict[str, set[str]]) -> list[str]:
    """Each import of a module from a layer above its own, as ``module -> imported``."""
    wrong = []
    for module, targets in sorted(imports.items()):
        rank = layer_of(module)
        for target in sorted(targets):
            if target in MODULES and rank is not None and (layer_of(target) or 0) > rank:
                wrong.append(f"{module} ({LAYERS[rank][0]}) -> {target} ({LAYERS[layer_of(target) or 0][0]})")
    return wrong


def cycles(imports: dict[str, set[str]]) -> list[list[str]]:
    """The import cycles among the package's modules (each found once, from its first module)."""
    graph = {m: sorted(t for t in targets if t in MODULES and t != m) for m, targets in imports.items()}
    found: list[list[str]] = []
    state: dict[str, str] = {}

    def visit(module: str, path: list[str]) -> None:
        state[module] = "open"
        for target in graph.get(module, []):
            if state.get(target) == "open":
                found.append([*path[path.index(target):], target])
            elif target not in state:
                visit(target, [*path, target])
        state[module] = "done"

    for module in sorted(graph):
        if module not in state:
            visit(module, [module])
    return found


def package_imports() -> dict[str, set[str]]:
    return {module: imported_modules(path.read_text(encoding="utf-8"), module) for module, path in MODULES.items()}


def sql_outside_storage(imports: dict[str, set[str]]) -> Iterable[str]:
    for module, targets in sorted(imports.items()):
        if not module.startswith("factcheck.storage") and any(t.split(".")[0] == "sqlalchemy" for t in targets):
            yield module


def test_every_module_is_in_a_layer() -> None:
    assert [module for module in MODULES if layer_of(module) is None] == []


def test_no_import_runs_upward() -> None:
    assert upward_imports(package_imports()) == []


def test_no_module_imports_itself_through_others() -> None:
    assert cycles(package_imports()) == []


def test_sql_lives_in_the_storage_layer() -> None:
    assert list(sql_outside_storage(package_imports())) == []


@pytest.mark.parametrize(("module", "source", "found"), [
    ("factcheck.storage.engine", "def f():\n    from factcheck.cli import app\n", "factcheck.cli"),
    ("factcheck.storage.links", "from factcheck.storage import groups\n", "factcheck.storage.groups"),
    ("factcheck.crossref", "import factcheck.storage.models\n", "factcheck.storage.models"),
])
def test_an_upward_import_is_caught(module: str, source: str, found: str) -> None:
    imports = {module: imported_modules(source, module)}
    [wrong] = upward_imports(imports)
    assert wrong.startswith(f"{module} (") and f"-> {found} (" in wrong


def test_a_cycle_and_sql_outside_the_storage_layer_are_caught() -> None:
    imports = {"factcheck.storage.claims": {"factcheck.storage.documents"},
               "factcheck.storage.documents": {"factcheck.storage.claims"},
               "factcheck.export": {"sqlalchemy.orm", "factcheck.storage.exports"}}
    assert cycles(imports) == [["factcheck.storage.claims", "factcheck.storage.documents", "factcheck.storage.claims"]]
    assert list(sql_outside_storage(imports)) == ["factcheck.export"]

"""Serve the database with Datasette: titles, descriptions, full-text search and canned queries."""

from __future__ import annotations

import json
import shutil
import signal
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from factcheck.errors import FactcheckError, InputError
from factcheck.storage.datasette import AGREEMENTS_SQL, CONTRADICTIONS_SQL


def _describe_set(s: dict[str, Any]) -> str:
    details = [f"{s['documents']} documents"]
    if s.get("source"):
        details.append(f"source: {s['source']}")
    details.append(f"licence: {s.get('licence') or 'not recorded'}")
    return f"{s['name']} ({'; '.join(details)})"


def metadata(db_name: str, publisher: str | None = None, publisher_url: str | None = None,
             sources: list[dict[str, Any]] | None = None, licence: str | None = None) -> dict[str, Any]:
    """Datasette metadata for a factcheck database named ``db_name``; ``sources`` are its document sets."""
    described_sources = "; ".join(_describe_set(s) for s in sources or [])
    return {
        "title": "factcheck",
        "description": "Claims and statistics extracted from news articles, cross-referenced across sources.",
        "source": publisher or "factcheck",
        "source_url": publisher_url,
        "license": licence or "Articles remain the property of their publishers; extracted data for fact-checking use.",
        "databases": {
            db_name: {
                "description": f"Document sets: {described_sources}" if described_sources else None,
                "tables": {
                    "documents": {"description": "Ingested articles: source, URL, title, publisher, date, text.",
                                  "sort_desc": "id"},
                    "claims": {"description": "Every figure, normalized: value, unit, qualifier, change, measure, "
                                              "place, period, speaker; with its sentence and character span, and "
                                              "its statistic (the smallest id of the claims that links join it to).",
                               "fts_table": "claims_fts", "fts_pk": "id", "sort": "id"},
                    "links": {"description": "Pairs of claims about the same statistic that agree or conflict."},
                    "verdicts": {"description": "Fact-checkers' ratings of claims, with notes and evidence."},
                    "claims_view": {"description": "One row per claim with its document, latest verdict and "
                                                   "cross-reference status.",
                                    "fts_table": "claims_fts", "fts_pk": "id", "sort": "id"},
                    "claim_keys": {"hidden": True},
                    "settings": {"hidden": True},
                    "alembic_version": {"hidden": True},
                },
                "queries": {
                    "agreements": {"sql": AGREEMENTS_SQL.strip(), "title": "Agreements",
                                   "description": "Pairs of claims from different documents stating the same figure."},
                    "contradictions": {"sql": CONTRADICTIONS_SQL.strip(), "title": "Contradictions",
                                       "description": "Pairs of claims whose figures cannot both hold."},
                },
            }
        },
    }


def serve(db_path: Path, meta: dict[str, Any], host: str = "127.0.0.1", port: int = 8001,
          extra: list[str] | None = None, *, immutable: bool = False) -> int:
    """Run ``datasette serve`` on the database with ``meta``; returns its exit status.

    An ``immutable`` file (a snapshot, which nothing writes) is opened as such: Datasette
    then counts its rows once and caches its pages.
    """
    if shutil.which("datasette") is None and not _has_module("datasette"):
        raise FactcheckError("Datasette is not installed: pip install 'factcheck[datasette]'")
    if not db_path.exists():
        raise InputError(f"no database at {db_path}")
    with tempfile.TemporaryDirectory(prefix="factcheck-datasette-") as folder:
        meta_file = Path(folder) / "metadata.json"
        meta_file.write_text(json.dumps(meta), encoding="utf-8")
        files = ["--immutable", str(db_path)] if immutable else [str(db_path)]
        command = [sys.executable, "-m", "datasette", "serve", *files, "--metadata", str(meta_file),
                   "--host", host, "--port", str(port), *(extra or [])]
        server = subprocess.Popen(command)
        # a supervisor's SIGTERM stops the server too, and the metadata folder is removed
        previous = signal.signal(signal.SIGTERM, lambda *_: server.terminate())
        try:
            return server.wait()
        except KeyboardInterrupt:
            server.terminate()
            return server.wait()
        finally:
            signal.signal(signal.SIGTERM, previous)


def _has_module(name: str) -> bool:
    from importlib.util import find_spec

    return find_spec(name) is not None

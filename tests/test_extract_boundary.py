"""extract/ is a library: text and metadata in, dataclasses out (STYLE.md, issue #14).

Read with ``ast`` so that an import inside a function, a relative import
(``from ..store import x``, ``from .. import store``) and an absolute one
(``import syriacli.store``) are all seen.
"""
import ast
from pathlib import Path

import pytest

import syriacli

PACKAGE = Path(syriacli.__file__).parent
EXTRACT = PACKAGE / "extract"
#: What extraction must not know about: storage, queries, output and the build around it.
FORBIDDEN = {"store", "queries", "render", "views", "build", "cli", "timeline", "rows"}


def imported_modules(path: Path) -> set[str]:
    """Every module ``path`` imports, as a dotted name (``syriacli.store``)."""
    module = "syriacli.extract." + path.stem
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parent = module.rsplit(".", node.level)[0]
                base = f"{parent}.{base}" if base else parent
            found.add(base)
            # `from .. import store` names modules among its imported names.
            found.update(f"{base}.{alias.name}" for alias in node.names)
    return found


def forbidden_in(path: Path) -> set[str]:
    """The forbidden modules of syriacli that ``path`` imports, or imports from."""
    tops = {".".join(name.split(".")[:2]) for name in imported_modules(path)}
    return tops & {f"syriacli.{name}" for name in FORBIDDEN}


@pytest.mark.parametrize("path", sorted(EXTRACT.glob("*.py")), ids=lambda p: p.name)
def test_extract_imports_no_storage_query_or_output(path):
    assert forbidden_in(path) == set()


@pytest.mark.parametrize("source, expected", [
    ("from ..store import insert_columns", {"syriacli.store"}),
    ("from .. import render, vocab", {"syriacli.render"}),
    ("import syriacli.queries as q", {"syriacli.queries"}),
    ("def f():\n    from syriacli.views import x", {"syriacli.views"}),
    ("from ..extract.events import Event\nfrom . import dates", set()),
    ("from .. import vocab\nfrom ..errors import BadDate", set()),
])
def test_the_check_sees_every_form_of_import(tmp_path, source, expected):
    path = tmp_path / "article.py"
    path.write_text(source, encoding="utf-8")
    assert forbidden_in(path) == expected

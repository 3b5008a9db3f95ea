"""The shape of the package, read from its source with ``ast``: each constant has one home,
no two modules import each other (through any chain, imports inside functions included),
and no function is longer than a reader can follow."""
from __future__ import annotations

import ast
import os
from collections import defaultdict

PACKAGE = os.path.join(os.path.dirname(__file__), os.pardir, "src", "syriacli")


MAX_FUNCTION_LINES = 60


def _modules() -> tuple[dict[str, ast.Module], set[str]]:
    """Every module of the package by dotted name, parsed, and which of them are
    packages (read from an __init__.py)."""
    root = os.path.normpath(PACKAGE)
    found = {}
    packages = set()
    for folder, _, files in os.walk(root):
        for file in files:
            if not file.endswith(".py"):
                continue
            path = os.path.join(folder, file)
            parts = os.path.relpath(path, os.path.dirname(root))[:-3].split(os.sep)
            if parts[-1] == "__init__":
                parts.pop()
                packages.add(".".join(parts))
            with open(path, encoding="utf-8") as f:
                found[".".join(parts)] = ast.parse(f.read(), path)
    return found, packages


MODULES, PACKAGES = _modules()
#: The packages whose __init__.py holds nothing: importing through them is no edge. The
#: others (syriacli.cli makes the app) are modules like any other.
_EMPTY_PACKAGES = {"syriacli", "syriacli.extract"}


def _top_level_names(tree: ast.Module):
    """The names a module assigns at its top level, inside a top-level ``if`` or ``try``
    too (not inside functions or classes)."""
    stack = list(tree.body)
    while stack:
        node = stack.pop()
        if isinstance(node, ast.If):
            stack.extend(node.body + node.orelse)
        elif isinstance(node, ast.Try):
            stack.extend(node.body + node.orelse + node.finalbody)
            stack.extend(statement for handler in node.handlers for statement in handler.body)
        elif isinstance(node, (ast.Assign, ast.AnnAssign)):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            for target in targets:
                yield from (n.id for n in ast.walk(target) if isinstance(n, ast.Name))


def test_each_constant_has_one_home():
    # A private copy (_MONTHS beside MONTHS) is a second home all the same.
    homes = defaultdict(set)
    for module, tree in MODULES.items():
        for name in _top_level_names(tree):
            if name.lstrip("_").isupper():
                homes[name.lstrip("_")].add(module)
    twice = {name: sorted(mods) for name, mods in homes.items() if len(mods) > 1}
    assert twice == {}


def _imports(module: str, tree: ast.Module) -> set[str]:
    """The package's modules that ``module`` imports, anywhere in its body."""
    package = module if module in PACKAGES else module.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join(anchor + ([base] if base else []))
            names = [f"{base}.{alias.name}" for alias in node.names]
            found.update(names)
            # `from . import reading` imports a module, not the package's own names.
            if not all(name in MODULES for name in names):
                found.add(base)
    return {name for name in found
            if name in MODULES and name != module and name not in _EMPTY_PACKAGES}


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The modules of each strongly connected component of more than one module (they
    import each other, directly or through others; Tarjan's algorithm), each sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    components = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for nxt in sorted(graph[node]):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            component = []
            while True:
                top = stack.pop()
                on_stack.discard(top)
                component.append(top)
                if top == node:
                    break
            if len(component) > 1:
                components.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return components


def test_no_import_cycles():
    graph = {module: _imports(module, tree) for module, tree in MODULES.items()}
    assert _cycles(graph) == []


def test_cycle_finder_sees_a_cycle_through_a_function_level_import():
    tree = ast.parse("def f():\n    from syriacli import render\n")
    graph = {"syriacli.queries": _imports("syriacli.queries", tree),
             "syriacli.render": {"syriacli.queries"}}
    assert _cycles(graph) == [["syriacli.queries", "syriacli.render"]]


def _functions(tree: ast.Module, prefix: str):
    """Every function and method with its dotted name."""
    for node in tree.body:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            yield f"{prefix}.{node.name}", node
            yield from _functions(ast.Module(body=node.body, type_ignores=[]),
                                  f"{prefix}.{node.name}")
        elif isinstance(node, ast.ClassDef):
            yield from _functions(ast.Module(body=node.body, type_ignores=[]),
                                  f"{prefix}.{node.name}")


def test_no_function_over_sixty_lines():
    long = {}
    for module, tree in MODULES.items():
        for name, node in _functions(tree, module):
            lines = node.end_lineno - node.lineno + 1
            if lines > MAX_FUNCTION_LINES:
                long[name] = lines
    assert long == {}


def test_the_cli_package_is_a_module_like_any_other():
    # Its __init__ makes the app: a command module importing from it would be a cycle.
    assert "syriacli.cli" in _imports("syriacli.cli.reading", ast.parse("from . import app\n"))
    assert "syriacli.cli.reading" in _imports("syriacli.cli", MODULES["syriacli.cli"])


#: How long a module of the CLI may grow (issue #31: a thin CLI a reader can hold).
MAX_CLI_MODULE_LINES = 500


def test_each_cli_module_is_short():
    long = {module: tree.body[-1].end_lineno for module, tree in MODULES.items()
            if module.split(".")[:2] == ["syriacli", "cli"]
            and (tree.body[-1].end_lineno or 0) > MAX_CLI_MODULE_LINES}
    assert long == {}

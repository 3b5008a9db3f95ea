"""The vocabularies shipped as data files in ``syriacli/data/``.

Read from beside this module: ``importlib.resources`` costs ~15 ms of imports (zipfile,
tempfile) on every call of a command that needs one file.
"""
from __future__ import annotations

import json
import os
import re
from functools import lru_cache

DATA = os.path.join(os.path.dirname(os.path.abspath(__file__)), "data")


def text(name: str) -> str:
    """The text of the data file ``name`` (``"names.json"``)."""
    with open(os.path.join(DATA, name), encoding="utf-8") as f:
        return f.read()


def load(name: str):
    """The data file ``name`` as JSON."""
    return json.loads(text(name))


@lru_cache(maxsize=1)
def calendar_words() -> frozenset[str]:
    """The full month and weekday names of dates.json, lower-cased: words that are never
    part of a person's or an organisation's name ("Monday", "May")."""
    dates = load("dates.json")
    return frozenset(w.lower() for w in [row[0] for row in dates["months"]] + dates["weekdays"])


def alternation(phrases, *, literal: bool = False) -> str:
    """A regex alternation of a vocabulary's phrases, longest first (so "death toll" wins
    over "toll"), each space matching any run of whitespace (``literal``: each character
    matching itself).

    Written as a trie ("army|armed" as "arm(?:y|ed)"): the regex engine tries the branches
    of a flat alternation one by one at each position, a trie's about one per character.
    It matches what the flat list sorted longest first would: two phrases matching at one
    place are one the other's start, and a trie tries the longer first (a phrase ending
    at a node is tried after every continuation)."""
    root: dict = {}
    for phrase in phrases:
        node = root
        for ch in phrase if literal else " ".join(phrase.split()):
            node = node.setdefault(ch, {})
        node[""] = {}                           # a phrase ends here
    return _emit_trie(root, re.escape(" ") if literal else r"\s+")


def _emit_trie(node: dict, space: str) -> str:
    branches = [(space if ch == " " else re.escape(ch)) + _emit_trie(child, space)
                for ch, child in sorted(node.items()) if ch]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if "" in node else body

"""The vocabularies shipped as data files in ``syriacli/data/``.

Read from beside this module: ``importlib.resources`` costs ~15 ms of imports (zipfile,
tempfile) on every call of a command that needs one file.
"""
from __future__ import annotations

import json
import os
import re

DATA = os.path.join(os.path.dirname(os.path.abspath(__file__)), "data")


def text(name: str) -> str:
    """The text of the data file ``name`` (``"names.json"``)."""
    with open(os.path.join(DATA, name), encoding="utf-8") as f:
        return f.read()


def load(name: str):
    """The data file ``name`` as JSON."""
    return json.loads(text(name))


def calendar_words() -> frozenset[str]:
    """The full month and weekday names of dates.json, lower-cased: words that are never
    part of a person's or an organisation's name ("Monday", "May")."""
    dates = load("dates.json")
    return frozenset(w.lower() for w in [row[0] for row in dates["months"]] + dates["weekdays"])


def alternation(phrases) -> str:
    """A regex alternation of a vocabulary's phrases, longest first (so "death toll" wins
    over "toll"), each space matching any run of whitespace."""
    return "|".join(r"\s+".join(map(re.escape, p.split()))
                    for p in sorted(phrases, key=len, reverse=True))

"""Which metrics a user's word selects (``syriacli figures sorties``).

Kept apart from figures.py, which compiles its extraction patterns at import: a query
needs only the words of each metric, read from the same data file, data/metrics.json.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from .. import vocab

QUERY_STOP = frozenset("of by in the and a an for to".split())


@lru_cache(maxsize=1)
def _data() -> dict:
    return vocab.load("metrics.json")


def word_forms(word: str) -> set[str]:
    """A word and the singulars it may be the plural of ("sorties": sortie, sorty...)."""
    plurals = _data()["plurals"]
    forms = {word, plurals.get(word, word), word[:-2] if word.endswith("es") else word,
             word[:-3] + "y" if word.endswith("ies") else word}
    return forms | ({word[:-1]} if word.endswith("s") and not word.endswith("ss") else set())


@lru_cache(maxsize=1)
def metric_words() -> dict[str, set[str]]:
    """Each metric's words (name, synonyms, counted nouns) in every form."""
    data = _data()
    vocab = {m["name"]: [m["name"], *m["synonyms"]] for m in data["metrics"]}
    for subject in data["subjects"].values():
        for metric in {subject["metric"], *subject["states"].values()} - {None}:
            vocab[metric].extend(subject["nouns"])
    return {name: {f for phrase in phrases for w in re.findall(r"[\w-]+", phrase.lower())
                   if w not in QUERY_STOP for f in word_forms(w)}
            for name, phrases in vocab.items()}


def metrics_for(word: str, found: Iterable[str] = ()) -> list[str]:
    """The metrics a user's word selects: any word of a metric's name, synonyms or nouns,
    singular or plural, any case ("choppers" -> helicopters, helicopters lost); and the
    metrics ``found`` in a corpus that the vocabulary does not know, by the words of their
    names ("warship" -> warships; "children" -> children and women killed)."""
    wanted = [word_forms(w) for w in re.findall(r"[\w-]+", str(word).lower())
              if w not in QUERY_STOP]
    if not wanted:
        return []
    # A word that names metrics ("civilians") means those, not every metric that
    # merely lists it as a synonym (refugees, displaced…); only then are the synonyms
    # and nouns of every metric needed (their forms take ~10 ms to make).
    known = [name for name in metric_names() if _names(name, wanted)]
    known = known or [
        name for name, vocab in metric_words().items() if all(forms & vocab for forms in wanted)
    ]
    return known + [name for name in found if name not in known and _names(name, wanted)]


def _names(name: str, wanted: list[set[str]]) -> bool:
    """Does every word the user typed name a word of ``name``, in any of their forms?"""
    return all(forms & {f for w in name.split() for f in word_forms(w)} for forms in wanted)


def metric_names() -> list[str]:
    return [m["name"] for m in _data()["metrics"]]

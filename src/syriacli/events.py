"""Dated statements: one event per resolved date expression in an article.

An event is the clause holding a resolved date, with a short summary a reader can
scan, the names it is about, the concepts it speaks of (for merging across
sources) and its provenance (article, sentence, date expression, offsets).
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache
from importlib import resources

#: Attribution filler trimmed from the edges of a summary.
LEADING_FILLER = re.compile(
    r"^(?:however|but|and|also|meanwhile|yet|so|then|instead|in response|according to [^,]{1,80})\s*,?\s+",
    re.I,
)
TRAILING_FILLER = re.compile(
    r"""[,;]?\s*(?:["”']\s*)?(?:[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*){0,4}\s+)?"""
    r"""(?:said|says|reported|added|noted|stated|told [\w ]{1,40})\.?["”']?$"""
)
#: Where a sentence with several dates is cut into clauses.
CLAUSE_BREAK = re.compile(r"[;:–—]|,? (?:but|while|whereas|which|after|before|when|until) |, and |\. ")
SUMMARY_LENGTH = 160
#: Rules whose mention is a span of time, not a happening on that date.
NOT_EVENT_RULES = frozenset({"period", "range", "duration"})


@dataclass
class Event:
    article: str
    date: str
    precision: str
    first_day: str
    last_day: str
    expression: str
    rule: str
    relative: bool
    summary: str
    quote: str
    about: list[str]
    concepts: list[str] = field(default_factory=list)
    start: int = 0
    end: int = 0
    sentence_start: int = 0
    sentence_end: int = 0

    def row(self) -> dict:
        row = dict(self.__dict__)
        row["about"] = json.dumps(self.about)
        row["relative"] = int(self.relative)
        row["concepts"] = json.dumps(self.concepts)
        return row


@lru_cache(maxsize=1)
def concept_table() -> tuple[dict[str, list[str]], frozenset[str]]:
    data = json.loads(resources.files("syriacli.data").joinpath("concepts.json").read_text("utf-8"))
    return data["concepts"], frozenset(data["generic_names"])


@lru_cache(maxsize=1)
def _concept_patterns() -> list[tuple[str, re.Pattern]]:
    concepts, _ = concept_table()
    return [
        (name, re.compile(r"\b(?:" + "|".join(re.escape(s) for s in stems) + ")", re.I))
        for name, stems in concepts.items()
    ]


def concepts_in(text: str) -> list[str]:
    return [name for name, pattern in _concept_patterns() if pattern.search(text)]


def day_range(iso: str, precision: str) -> tuple[str, str]:
    """First and last day covered by a date at its precision."""
    year = int(iso[:4])
    if precision == "year":
        return f"{year:04d}-01-01", f"{year:04d}-12-31"
    month = int(iso[5:7])
    if precision == "month":
        following = date(year + month // 12, month % 12 + 1, 1)
        return f"{year:04d}-{month:02d}-01", (following - timedelta(days=1)).isoformat()
    return iso[:10], iso[:10]


def clause_around(sentence: str, start: int, end: int, others: list[tuple[int, int]]) -> str:
    """The part of a sentence that belongs to the date at [start, end).

    With one date the clause is the sentence; with several, the sentence is cut at
    clause breaks that lie between this date and its neighbours.
    """
    lo, hi = 0, len(sentence)
    for o_start, o_end in others:
        if o_end <= start:
            cut = _last_break(sentence, o_end, start)
            lo = max(lo, cut if cut is not None else lo)
        elif o_start >= end:
            cut = _first_break(sentence, end, o_start)
            hi = min(hi, cut if cut is not None else hi)
    return sentence[lo:hi].strip(" ,;:–—")


def _last_break(text: str, lo: int, hi: int) -> int | None:
    found = None
    for match in CLAUSE_BREAK.finditer(text, lo, hi):
        found = match.end()
    return found


def _first_break(text: str, lo: int, hi: int) -> int | None:
    match = CLAUSE_BREAK.search(text, lo, hi)
    return match.start() if match else None


def summarise(clause: str) -> str:
    text = LEADING_FILLER.sub("", clause.strip())
    trimmed = TRAILING_FILLER.sub("", text)
    text = trimmed if len(trimmed) >= 25 else text
    text = text.strip(" ,;:")
    if len(text) > SUMMARY_LENGTH:
        cut = text.rfind(" ", 0, SUMMARY_LENGTH - 1)
        text = text[: cut if cut > 0 else SUMMARY_LENGTH - 1].rstrip(" ,;:") + "…"
    return text[:1].upper() + text[1:]


def build_events(article: str, text: str, dates, names) -> list[Event]:
    """Events of one article from its date mentions and name mentions."""
    events: list[Event] = []
    resolved = [d for d in dates if d.date and d.rule not in NOT_EVENT_RULES]
    previous_places: list[str] = []
    last_sentence = None
    for mention in resolved:
        s_start, s_end = mention.sentence_start, mention.sentence_end
        sentence = text[s_start:s_end]
        others = [
            (d.start - s_start, d.end - s_start)
            for d in resolved
            if d is not mention and d.sentence_start == s_start
        ]
        clause = clause_around(sentence, mention.start - s_start, mention.end - s_start, others)
        about = _names_between(names, s_start, s_end)
        if last_sentence != s_start:
            prior = [n for n in names if n.end <= s_start and n.type in ("place", "base")]
            previous_places = [prior[-1].name] if prior else []
            last_sentence = s_start
        if not any(n.type in ("place", "base") for n in names if s_start <= n.start < s_end):
            about = about + [p for p in previous_places if p not in about]
        first, last = day_range(mention.date, mention.precision)
        events.append(Event(
            article=article, date=mention.date, precision=mention.precision,
            first_day=first, last_day=last, expression=mention.expression,
            rule=mention.rule, relative=mention.relative, summary=summarise(clause),
            quote=sentence, about=about, concepts=concepts_in(clause),
            start=mention.start, end=mention.end, sentence_start=s_start, sentence_end=s_end,
        ))
    return events


def _names_between(names, start: int, end: int) -> list[str]:
    seen: list[str] = []
    for n in names:
        if start <= n.start < end and n.type != "weapon system" and n.name not in seen:
            seen.append(n.name)
    return seen

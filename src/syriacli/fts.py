"""Translate what a user types into a valid SQLite FTS5 query.

Supported: plain words, "quoted phrases", prefix*, OR, NOT, AND and parentheses.
Everything else is made safe rather than rejected: a hyphenated word ("Su-24",
"Al-Nusra") becomes a phrase, an unbalanced quote closes at the end, a bare
operator or a stray parenthesis is dropped or read as a word. Known names expand
to every spelling in the variant table plus the name's key in the ``names``
column, which holds the names found at build time (so "IS", the group, is found
by ``ISIS`` without "is", the verb, matching anything).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .errors import BadQuery

TOKEN = re.compile(r'"(?P<phrase>[^"]*)"?|(?P<paren>[()])|(?P<word>[^\s"()]+)')
OPERATORS = {"OR", "AND", "NOT"}
#: Characters FTS5's unicode61 tokenizer treats as separators inside a bare word.
WORD_CHARS = re.compile(r"[\w]+", re.UNICODE)
MAX_NAME_WORDS = 6


@dataclass
class _Term:
    kind: str  # "phrase" | "word" | "op" | "paren"
    text: str
    prefix: bool = False


def tokenize(query: str) -> list[_Term]:
    terms: list[_Term] = []
    for match in TOKEN.finditer(query.replace("\x00", " ")):
        if match.group("paren"):
            terms.append(_Term("paren", match.group("paren")))
        elif match.group("phrase") is not None:
            if WORD_CHARS.search(match.group("phrase")):
                terms.append(_Term("phrase", match.group("phrase")))
        else:
            word = match.group("word")
            if word in OPERATORS:
                terms.append(_Term("op", word))
                continue
            prefix = word.endswith("*")
            core = word.rstrip("*")
            if WORD_CHARS.search(core):
                terms.append(_Term("word", core, prefix))
    return terms


def _phrase(text: str, prefix: bool = False) -> str:
    words = WORD_CHARS.findall(text)
    quoted = '"' + " ".join(words) + '"'
    return quoted + ("*" if prefix else "")


def _balance(terms: list[_Term]) -> list[_Term]:
    """Drop parentheses that do not pair up."""
    keep = [True] * len(terms)
    stack: list[int] = []
    for i, term in enumerate(terms):
        if term.kind == "paren" and term.text == "(":
            stack.append(i)
        elif term.kind == "paren":
            if stack:
                stack.pop()
            else:
                keep[i] = False
    for i in stack:
        keep[i] = False
    kept = [t for t, k in zip(terms, keep, strict=True) if k]
    out: list[_Term] = []  # "()" says nothing: drop empty pairs, innermost first
    for term in kept:
        if (
            term.kind == "paren"
            and term.text == ")"
            and out
            and out[-1].kind == "paren"
            and out[-1].text == "("
        ):
            out.pop()
        else:
            out.append(term)
    return out


def _operators_in_place(terms: list[_Term]) -> list[_Term]:
    """An operator counts only between two operands; elsewhere it is dropped."""
    out: list[_Term] = []
    for i, term in enumerate(terms):
        if term.kind != "op":
            out.append(term)
            continue
        before = out[-1] if out else None
        after = terms[i + 1] if i + 1 < len(terms) else None
        operand_before = before is not None and (
            before.kind in ("word", "phrase") or before.text == ")"
        )
        operand_after = after is not None and (
            after.kind in ("word", "phrase") or after.text == "("
        )
        if operand_before and operand_after:
            out.append(term)
    return out


#: The largest query searched: longer ones (a thousand ORed words) take minutes, and no
#: person types them.
MAX_QUERY_CHARS, MAX_QUERY_TERMS = 1000, 64


def check_size(query: str) -> None:
    """Refuse a query past :data:`MAX_QUERY_CHARS` characters or :data:`MAX_QUERY_TERMS`
    words and operators, in one line."""
    if len(query) > MAX_QUERY_CHARS:
        raise BadQuery(f"the query is {len(query)} characters long; at most "
                       f"{MAX_QUERY_CHARS} are searched")
    if (count := len(query.split())) > MAX_QUERY_TERMS:
        raise BadQuery(f"the query has {count} words and operators; at most "
                       f"{MAX_QUERY_TERMS} are searched")


def translate(query: str, expand=None) -> str:
    """The FTS5 query for ``query``; ``expand(words) -> str | None`` expands known names.

    Raises BadQuery when nothing searchable is left, or the query is too large.
    """
    check_size(query)
    terms = tokenize(query)
    while True:  # dropping an operator can empty a pair of parentheses, and the reverse
        tidy = _operators_in_place(_balance(terms))
        if len(tidy) == len(terms):
            break
        terms = tidy
    parts: list[tuple[str, str]] = []  # (kind, fts5 text): operand, op, open, close
    i = 0
    while i < len(terms):
        term = terms[i]
        if term.kind == "word" and not term.prefix and expand is not None:
            consumed, expansion = _longest_name(terms, i, expand)
            if expansion:
                parts.append(("operand", expansion))
                i += consumed
                continue
        if term.kind == "phrase" and expand is not None:
            expansion = expand(term.text)
            if expansion:
                parts.append(("operand", expansion))
                i += 1
                continue
        if term.kind in ("word", "phrase"):
            parts.append(("operand", _phrase(term.text, term.prefix)))
        elif term.kind == "op":
            parts.append(("op", term.text))
        else:
            parts.append(("open" if term.text == "(" else "close", term.text))
        i += 1
    if not any(kind == "operand" for kind, _ in parts):
        raise BadQuery(f'nothing to search for in {query!r}: type a word or a "quoted phrase"')
    out: list[str] = []
    previous = None
    for kind, text in parts:
        # FTS5 only joins bare phrases implicitly; next to a parenthesis it needs AND.
        if previous in ("operand", "close") and kind in ("operand", "open"):
            out.append("AND")
        out.append(text)
        previous = kind
    return " ".join(out)


def _longest_name(terms: list[_Term], i: int, expand) -> tuple[int, str | None]:
    words = []
    for j in range(i, min(len(terms), i + MAX_NAME_WORDS)):
        if terms[j].kind != "word" or terms[j].prefix:
            break
        words.append(terms[j].text)
    for n in range(len(words), 0, -1):
        expansion = expand(" ".join(words[:n]))
        if expansion:
            return n, expansion
    return 1, None


def name_expander(find):
    """``expand(phrase)`` for :func:`translate`: FTS5 for every spelling of a known name.

    ``find(phrase)`` returns (key, search variants, case-sensitive spellings, complete)
    or None. The ``names`` column (the keys extraction found) is searched too unless the
    variants are complete: "IS" is found there, never as the word "is"; where the corpus
    writes a name only in spellings the text search finds, that pass would add nothing.
    """

    def expand(phrase: str) -> str | None:
        found = find(phrase)
        if found is None:
            return None
        key, variants, case_sensitive, complete = found
        # "is", "us", "un" typed in lower case are words, not IS, US and the UN.
        exact = {v.lower(): v for v in case_sensitive}
        if phrase.lower() in exact and phrase != exact[phrase.lower()]:
            return None
        spellings = [_phrase(v) for v in _shortest(variants)]
        if not complete:
            spellings.append(in_names(key))
        return "(" + " OR ".join(dict.fromkeys(spellings)) + ")"

    return expand


def in_names(key: str) -> str:
    """FTS5 for the articles whose ``names`` column (the keys extraction found) has ``key``."""
    return f"names : {_phrase(key)}"


def _shortest(variants: list[str]) -> list[str]:
    """Drop spellings that contain another one ("Hmeimim air base" is found by "Hmeimim"):
    every extra phrase in the OR costs the search a pass over its postings."""
    tokens = {v: tuple(w.lower() for w in WORD_CHARS.findall(v)) for v in variants}
    keep: list[str] = []
    for variant, words in tokens.items():
        if not words:
            continue
        inside = any(
            other != words
            and len(other) < len(words)
            and any(words[i : i + len(other)] == other for i in range(len(words) - len(other) + 1))
            for other in tokens.values()
            if other
        )
        if not inside and words not in (tokens[k] for k in keep):
            keep.append(variant)
    return keep


def name_expansion(phrase: str) -> str | None:
    """:func:`name_expander` over the shipped variant table (for use without a corpus)."""
    from .extract.names import lookup, search_variants

    def find(text):
        name = lookup(text)
        return (
            None if name is None else (name.key, search_variants(name), name.case_sensitive, False)
        )

    return name_expander(find)(phrase)

"""Translate what a user types into a valid SQLite FTS5 query.

Supported: plain words (all must be there), "quoted phrases", prefix*, OR in capitals
between alternatives, parentheses, and exclusions: ``-word``, ``-"a phrase"`` and
``NOT word`` leave out every result with that word, wherever they stand, alone too
("NOT Palmyra" is everything without Palmyra: see :class:`Query`). A lowercase "or" or
"not" between words is searched as a word, and a note says so.
Everything else is made safe rather than rejected: a hyphenated word ("Su-24",
"Al-Nusra") becomes a phrase, an unbalanced quote closes at the end, a bare
operator or a stray parenthesis is dropped or read as a word. Known names expand
to every spelling in the variant table plus the name's key in the ``names``
column, which holds the names found at build time (so "IS", the group, is found
by ``ISIS`` without "is", the verb, matching anything).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .errors import BadQuery

#: A "-" opening a word, a phrase or a group (after a space, a parenthesis or the start)
#: excludes it; inside a word ("Su-24") it joins.
QUERY_TOKEN = re.compile(
    r'(?P<neg>(?:(?<=[\s(])|^)-)?(?:"(?P<phrase>[^"]*)"?|(?P<paren>[()])|(?P<word>[^\s"()]+))'
)
OPERATORS = {"OR", "AND", "NOT"}
#: Characters FTS5's unicode61 tokenizer treats as separators inside a bare word.
WORD_CHARS = re.compile(r"[\w]+", re.UNICODE)
MAX_NAME_WORDS = 6


@dataclass
class _Term:
    kind: str  # "phrase" | "word" | "op" | "paren"
    text: str
    prefix: bool = False
    neg: bool = False  # typed with a "-" before it


@dataclass(frozen=True)
class Query:
    """A user's query as FTS5: ``match`` what a result must match, ``exclude`` what it
    must not (only set without ``match``: with one, the exclusion is part of it, as
    ``(...) NOT (...)``), and ``notes`` on how a likely slip was read."""

    match: str | None
    exclude: str | None = None
    notes: tuple[str, ...] = field(default=())


def tokenize(query: str) -> list[_Term]:
    terms: list[_Term] = []
    for match in QUERY_TOKEN.finditer(query.replace("\x00", " ")):
        neg = bool(match.group("neg"))
        if match.group("paren"):
            paren = match.group("paren")
            terms.append(_Term("paren", paren, neg=neg and paren == "("))
        elif match.group("phrase") is not None:
            if WORD_CHARS.search(match.group("phrase")):
                terms.append(_Term("phrase", match.group("phrase"), neg=neg))
        else:
            word = match.group("word")
            if word in OPERATORS:
                terms.append(_Term("op", word))
                continue
            prefix = word.endswith("*")
            core = word.rstrip("*")
            if WORD_CHARS.search(core):
                terms.append(_Term("word", core, prefix, neg))
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


#: The shortest prefix searched, and the most prefixes in one query: each prefix is
#: matched against every word of the index that starts so, and "a* OR b* OR ..." reads
#: most of the index for each (seconds a term on a corpus of thousands of articles).
MIN_PREFIX, MAX_PREFIXES = 3, 8


def check_prefixes(terms: list[_Term]) -> None:
    """Refuse a prefix shorter than :data:`MIN_PREFIX` letters, or more than
    :data:`MAX_PREFIXES` prefixes, in one line."""
    prefixes = [t.text for t in terms if t.prefix]
    short = next((p for p in prefixes if len(p) < MIN_PREFIX), None)
    if short is not None:
        raise BadQuery(f"'{short}*' is too short a prefix: give at least {MIN_PREFIX} letters"
                       " before the *, or search the word whole")
    if len(prefixes) > MAX_PREFIXES:
        raise BadQuery(f"the query has {len(prefixes)} prefix terms (word*); at most"
                       f" {MAX_PREFIXES} are searched")


def translate(query: str, expand=None) -> str:
    """The FTS5 query for ``query`` (see :func:`parse`), exclusions folded in.

    Raises BadQuery when nothing is left to find (also for exclusions alone, which FTS5
    cannot match by themselves: :func:`parse` hands those back apart).
    """
    parsed = parse(query, expand)
    if parsed.match is None:
        raise BadQuery(f'nothing to search for in {query!r}: type a word or a "quoted phrase"')
    return parsed.match


def parse(query: str, expand=None) -> Query:
    """``query`` as a :class:`Query`; ``expand(words) -> str | None`` expands known names.

    Raises BadQuery when nothing searchable is left, or the query is too large.
    """
    check_size(query)
    terms = tokenize(query)
    check_prefixes(terms)
    notes = _slips(terms)
    keep, excluded = _exclusions(terms)
    match, exclude = _fts(keep, expand), None
    if excluded:
        exclude = " OR ".join(_grouped(fts) for fts in map(lambda t: _fts(t, expand), excluded)
                              if fts)
    if match is None and not exclude:
        raise BadQuery(f'nothing to search for in {query!r}: type a word or a "quoted phrase"')
    if match is not None and exclude:
        return Query(f"{_grouped(match)} NOT {_grouped(exclude)}", None, notes)
    return Query(match, exclude or None, notes)


def _grouped(fts: str) -> str:
    """``fts`` as one operand: in parentheses unless it is one already."""
    if fts.startswith('"') and fts.count('"') == 2 or fts.startswith("(") and _one_group(fts):
        return fts
    return f"({fts})"


def _one_group(fts: str) -> bool:
    depth = 0
    for i, ch in enumerate(fts):
        depth += ch == "("
        depth -= ch == ")"
        if depth == 0 and i < len(fts) - 1:
            return False
    return True


#: Lowercase words a user most likely meant as operators.
SLIPS = {"or": "OR", "not": "NOT"}


def _slips(terms: list[_Term]) -> tuple[str, ...]:
    """How a lowercase "or" or "not" between two words was read."""
    notes = []
    for i in range(1, len(terms) - 1):
        term = terms[i]
        if term.kind == "word" and term.text in SLIPS and not term.prefix and not term.neg:
            if terms[i - 1].kind in ("word", "phrase") and terms[i + 1].kind in ("word", "phrase"):
                notes.append(f'"{term.text}" was searched as a word; for the operator type'
                             f" {SLIPS[term.text]} in capitals")
    return tuple(dict.fromkeys(notes))


def _exclusions(terms: list[_Term]) -> tuple[list[_Term], list[list[_Term]]]:
    """Split off what is excluded at the top level (outside parentheses): each operand
    typed after "-" or NOT, a word, a phrase or a group. Inside parentheses a "-word"
    reads as NOT word, FTS5's own operator between two operands."""
    keep: list[_Term] = []
    excluded: list[list[_Term]] = []
    depth, i = 0, 0
    while i < len(terms):
        term = terms[i]
        negating = term.neg or (term.kind == "op" and term.text == "NOT")
        if depth == 0 and negating:
            start = i + 1 if term.kind == "op" else i
            end = _operand_end(terms, start)
            if end > start:
                operand = terms[start:end]
                operand[0] = _Term(operand[0].kind, operand[0].text, operand[0].prefix)
                excluded.append(operand)
            i = max(end, i + 1)
            continue
        if term.neg:  # inside a group
            keep.append(_Term("op", "NOT"))
            term = _Term(term.kind, term.text, term.prefix)
        if term.kind == "paren":
            depth = max(0, depth + (1 if term.text == "(" else -1))
        keep.append(term)
        i += 1
    return keep, excluded


def _operand_end(terms: list[_Term], start: int) -> int:
    """Where the operand starting at ``start`` ends: after a word or phrase, or after
    the parenthesis closing a group (the end of the query if none does)."""
    if start >= len(terms):
        return start
    first = terms[start]
    if first.kind in ("word", "phrase"):
        return start + 1
    if first.kind == "paren" and first.text == "(":
        depth = 0
        for j in range(start, len(terms)):
            if terms[j].kind == "paren":
                depth += 1 if terms[j].text == "(" else -1
                if depth == 0:
                    return j + 1
        return len(terms)
    return start


def _fts(terms: list[_Term], expand=None) -> str | None:
    """The FTS5 text for ``terms`` (no top-level exclusions left), or None if nothing
    searchable is there."""
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
        return None
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


def name_expander(find, any_column: bool = False):
    """``expand(phrase)`` for :func:`translate`: FTS5 for every spelling of a known name.

    ``find(phrase)`` returns (key, search variants, case-sensitive spellings, complete)
    or None. The ``names`` column (the keys extraction found) is searched too unless the
    variants are complete: "IS" is found there, never as the word "is"; where the corpus
    writes a name only in spellings the text search finds, that pass would add nothing.
    ``any_column``: the key as a word of any column, for an FTS table that may have no
    ``names`` column (a search box that serves every table, see :func:`client_query`).
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
            spellings.append(_phrase(key) if any_column else in_names(key))
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


#: FTS5 that matches nothing, without an error: what a query with nothing to search asks.
NOTHING = '""'


def client_query(query: str, find) -> Query:
    """``query`` as :func:`parse` reads it for an FTS client that cannot be told why a
    query failed (a Datasette search box): never an error, but :data:`NOTHING` to match
    where nothing searchable is left; names expanded by ``find`` (see :func:`name_expander`)
    with their key as a word of any column. ``exclude`` is set only without ``match``."""
    try:
        parsed = parse(query or "", name_expander(find, any_column=True))
    except BadQuery:
        return Query(NOTHING)
    return Query(parsed.match or NOTHING, parsed.exclude, parsed.notes)


def name_expansion(phrase: str) -> str | None:
    """:func:`name_expander` over the shipped variant table (for use without a corpus)."""
    from .extract.names import lookup, search_variants

    def find(text):
        name = lookup(text)
        return (
            None if name is None else (name.key, search_variants(name), name.case_sensitive, False)
        )

    return name_expander(find)(phrase)

"""What a saved page says of itself in its own text: its stamp and its credits.

clean.py takes the header lines (banner, headline, dateline) out of the body. Two things
a reader sees on a saved page are not lines of their own there:

- a stamp a page laid out in pieces, one per line ("Tuesday" / "3 October 2017" /
  "8:15:07 AM", or "Published" above "October 4, 2021"): :func:`join_split_stamps`
  puts it back on one line before cleaning, so it is read as one dateline and no piece
  of it ("Monday") is left in the body as a statement;
- the credits that name the outlet: an agency's credit opening a paragraph ("(Probe News
  Agency) - ..."), between slashes ("/NIAT “Probe”/"), a sign-off ("— Probe Wire"), a desk
  or team byline ("By Probe News Desk"), a site naming itself ("As Probe.ru reported"),
  an organisation's own page whose masthead is its initials ("PNHR" above "The Probe
  Network for Human Rights (PNHR) says..."): :func:`read_publisher`.

The words of these rules (labels, desk words) are data, in data/pagemeta.json.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from .. import vocab
from .clean import CRAWLER_DATE, DATELINE, DIGIT
from .daterules import MONTHS

PAGE_WORDS = vocab.load("pagemeta.json")
#: Weekday names in full and cut short ("Tue", "Tues", "Thurs").
_WEEKDAY_FORMS = sorted(
    {form for w in vocab.load("dates.json")["weekdays"] for form in (w, w[:3], w[:4], w[:5])},
    key=len, reverse=True)


def _words(words: list[str]) -> str:
    """An alternation of words, longest first, spaces as \\s+."""
    forms = sorted(words, key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in forms)


#: A line that is a weekday only ("Monday", "Tue.,"): the first piece of a split stamp.
WEEKDAY_LINE = re.compile(rf"^(?:{_words(_WEEKDAY_FORMS)})\.?,?$", re.I)
#: A line that is a clock time only ("8:15:07 AM", "14:02 GMT"): the last piece.
CLOCK_LINE = re.compile(
    r"^(?:at\s+)?[0-9]{1,2}[:.][0-9]{2}(?::[0-9]{2})?(?:\s*[ap]\.?m\.?)?(?:\s*[A-Z]{2,4})?$", re.I)
#: A line that is a label only ("Published", "Last updated:", "Written by"): its value
#: is the next line.
LABEL_LINE = re.compile(rf"^(?:{_words(PAGE_WORDS['stamp_labels'])})\s*:?$", re.I)
#: The longest line a label's value may be (a date, a name).
VALUE_LENGTH = 80


def join_split_stamps(raw: str) -> str:
    """The page with each stamp laid out in pieces on one line ("Tuesday 3 October 2017
    8:15:07 AM", "Published October 4, 2021", "Written by Probe team")."""
    if not isinstance(raw, str):
        return raw
    lines = raw.split("\n")
    out: list[str] = []
    i = 0
    while i < len(lines):
        line = lines[i].strip()
        j = _next_filled(lines, i + 1) if 0 < len(line) <= VALUE_LENGTH else None
        value = lines[j].strip() if j is not None else ""
        if j is not None and value and (
                (WEEKDAY_LINE.match(line) and DATELINE.match(value))
                or (LABEL_LINE.match(line) and len(value) <= VALUE_LENGTH)
                or (CLOCK_LINE.match(value) and DATELINE.match(line))):
            lines[j] = f"{line} {value}"
            i = j
            continue
        out.append(lines[i])
        i += 1
    return "\n".join(out)


def _next_filled(lines: list[str], start: int) -> int | None:
    """The next line with text, at most one blank line below."""
    for k in range(start, min(start + 2, len(lines))):
        if lines[k].strip():
            return k
    return None


# --- Stamp lines clean.py's DATELINE does not read -----------------------------

#: A date with its day, month and year, the month a word of any language or a number
#: ("5 апреля 2016 г.", "05/مارس/2019", "Mart 5, 2019", "2019-03-05").
STAMP_DATE = re.compile(
    r"(?P<date>[0-9]{1,2}(?:st|nd|rd|th)?[\s/.-]+(?:of\s+)?(?P<dmonth>[^\W\d_]{3,12})\.?"
    r"[\s/.,-]+[0-9]{4}(?:\s*(?:г\.|года?)(?!\w))?"
    r"|(?P<mmonth>[^\W\d_]{3,12})\.?\s+[0-9]{1,2}(?:st|nd|rd|th)?,?\s+[0-9]{4}"
    r"|(?P<ymd>[0-9]{4})[-/.](?P<ymd_m>[0-9]{2})[-/.](?P<ymd_d>[0-9]{2})"
    r"|[0-9]{1,2}[/.][0-9]{1,2}[/.][0-9]{4})(?![0-9])")
#: "04Jun19": day, an English month's abbreviation and a two-digit year, run together.
COMPACT_DATE = re.compile(
    r"(?<![\w])(?P<day>[0-9]{2})(?P<month>[A-Z][a-z]{2})(?P<year>[0-9]{2})(?!\w)")
#: What may stand beside the date on a stamp line: clock times, zone abbreviations
#: ("ET", "GMT"), brackets and separators.
STAMP_CLOCK = re.compile(r"[0-9]{1,2}[:.][0-9]{2}(?::[0-9]{2})?(?:\s*[AaPp]\.?[Mm]\.?)?")
STAMP_NOISE = re.compile(r"(?<!\w)[A-Z]{2,4}(?!\w)|[^\w\s]|_")
STAMP_LABELS = frozenset(
    w.lower() for w in PAGE_WORDS["stamp_labels"] + PAGE_WORDS["stamp_label_words"])
STAMP_WEEKDAYS = frozenset(
    w.lower() for w in _WEEKDAY_FORMS + PAGE_WORDS["weekdays_other_languages"])
#: The most words beside a labelled stamp's date ("Опубликовано RT Play": the label and
#: the page's section or channel).
STAMP_WORDS = 4
#: A line glued to a date at its start or end ("June 4, 2019Damascus - ..."): the date is
#: a stamp of its own, the rest a line.
GLUED_START = re.compile(r"^(?P<date>[A-Z][a-z]{2,8}\.? [0-9]{1,2},? [0-9]{4})(?=[A-Z])")
GLUED_END = re.compile(r"(?<=[a-z.!?])(?P<date>[A-Z][a-z]{2,8}\.? [0-9]{1,2},? [0-9]{4})$")
GLUED_REACH = 20


def read_stamp(line: str) -> tuple[str | None, bool] | None:
    """(ISO day or None, labelled) when ``line`` is a page's date stamp (a date with
    nothing but a label, a weekday, a time or a zone beside it, or a label and a few
    words: then it is not "labelled"), else None. The day is
    None where the stamp is there but does not say which day it is ("06/05/2019"
    without other evidence)."""
    if len(line) > VALUE_LENGTH + 20 or not DIGIT.search(line):
        return None
    m = STAMP_DATE.search(line) or COMPACT_DATE.search(line)
    if m is None:
        return None
    rest = STAMP_NOISE.sub(" ", STAMP_CLOCK.sub(" ", line[:m.start()] + " " + line[m.end():]))
    words = [w.lower() for w in rest.split()]
    other = [w for w in words if w not in STAMP_WEEKDAYS and w not in STAMP_LABELS]
    labelled = bool(words) and words[0] in STAMP_LABELS
    if other and not (labelled and len(words) <= STAMP_WORDS):
        return None
    # a label with more words ("Published RT Play ...") stamps a video or a section: the
    # page's own only near its top
    return _stamp_day(m), labelled and not other


def _stamp_day(m: re.Match) -> str | None:
    from .datelines import read_dateline

    if m.re is COMPACT_DATE:
        return read_dateline(f"{m['day']} {m['month']} 20{m['year']}", "")
    if m["ymd"]:  # "2016/03/12": year first, then always the month
        return read_dateline(f"{m['ymd']}-{m['ymd_m']}-{m['ymd_d']}", "")
    month = m["dmonth"] or m["mmonth"]
    if month is None:
        return read_dateline(m["date"], "")
    if month.rstrip(".").lower() in MONTHS:  # "12 MAR 2016" as English writes it
        return read_dateline(m["date"].replace(month, month.capitalize()), "")
    return _foreign_day(m["date"])


def _foreign_day(text: str) -> str | None:
    """The day a date in another language gives ("05 Mart 2019"): dateparser knows the
    month names; it is imported only here, as it is slow to import."""
    import dateparser  # type: ignore[import-untyped]

    settings = {"DATE_ORDER": "DMY", "STRICT_PARSING": True,
                "REQUIRE_PARTS": ["day", "month", "year"]}
    try:
        value = dateparser.parse(text, languages=PAGE_WORDS["stamp_languages"], settings=settings)
    except (ValueError, OverflowError, TypeError):  # a stamp is no reason to stop a build
        return None
    return value.date().isoformat() if value else None


@dataclass
class PageSays:
    """What a page's own lines say of it, read before cleaning changes them: the day of
    its stamp, and the outlet of a sign-off ("— Probe Wire", whose dash cleaning may take
    for a list's)."""

    published: str | None = None
    signoff: str | None = None


def take_stamps(raw: str) -> tuple[str, PageSays]:
    """The page without the stamp lines clean.py's DATELINE does not read (another
    language's month, a time before the date, "04Jun19"), and what its lines say: the
    publication day the first of those stamps gives that stands near the top or is
    labelled, and the last sign-off. A date glued to a line's first or last word is
    split off first."""
    says = PageSays()
    if not isinstance(raw, str):
        return raw, says
    kept: list[str] = []
    found: list[tuple[str | None, bool, int]] = []
    filled = 0
    for line in join_split_stamps(raw).split("\n"):
        for part in _unglue(line.strip()):
            filled += bool(part)
            stamp = read_stamp(part) if part else None
            if stamp is None or DATELINE.match(part) or CRAWLER_DATE.match(part):
                # clean.py reads those
                kept.append(part)
                if part[:1] in SIGNOFF_DASHES and (signoff := SIGNOFF.match(part)):
                    says.signoff = signoff["name"]
            else:
                found.append((*stamp, filled))
    says.published = next(
        (d for d, labelled, at in found if labelled or at <= STAMP_TOP_LINES), None)
    return "\n".join(kept), says


#: How near the top an unlabelled stamp is the page's own (the headline, a byline, a
#: section label or two above it).
STAMP_TOP_LINES = 6


def _unglue(line: str) -> list[str]:
    if m := GLUED_START.match(line):
        return [m["date"], line[m.end():]]
    # the date is at most GLUED_REACH characters long ("September 30, 2021")
    if line[-1:].isdigit() and (m := GLUED_END.search(line, max(0, len(line) - GLUED_REACH))):
        return [line[:m.start()], m["date"]]
    return [line]


# --- Credits -----------------------------------------------------------------

#: A name as outlets write theirs: capitalised words, maybe joined by small words
#: ("Probe News Agency", "Voice of Probe", "Probe.ru").
_NAME = r"[A-Z][\w&.'-]*(?:\s+(?:(?:of|for|the|and|de|al)\s+)?[A-Z0-9][\w&.'-]*){0,5}"
#: "(Probe News Agency) - A Russian general...": an outlet's credit opening a paragraph.
PAREN_CREDIT = re.compile(rf"^\((?P<name>{_NAME})\)\s*(?:--|[-–—:])\s*(?=\S)", re.M)
#: "/NIAT “Probe”/", "/PROBE/": a credit between slashes, after a dateline (and after a
#: space or a line's start: see _slashed).
SLASHED_CREDIT = re.compile(r"/(?P<name>[A-Z][^/\n]{1,40}?)/(?=[\s.,]|$)")
#: "— Probe Wire" on a line of its own: a sign-off.
SIGNOFF_DASHES = "-–—"
SIGNOFF = re.compile(rf"^[{SIGNOFF_DASHES}]\s*(?P<name>{_NAME})\s*$", re.M)
#: "By Probe News Desk", "Written by Probe Syria team": a desk, not a person, signs.
#: Without a label only a desk word that cannot end a headline ("Desk", not "Team").
DESK_BYLINE = re.compile(
    rf"^(?:(?i:{_words(PAGE_WORDS['byline_labels'])})\s*:?\s+(?P<name>{_NAME})\s+"
    rf"(?i:{_words(PAGE_WORDS['desk_words'])})"
    rf"|(?P<alone>{_NAME})\s+(?i:{_words(PAGE_WORDS['desk_words_alone'])}))$", re.M)
#: "As Probe.ru reported", "Probe.com has reported": a site naming itself by its address.
_ENDING = rf"\.(?i:{_words(PAGE_WORDS['site_endings'])})(?![\w.])"
_SITE = rf"[A-Z][\w-]*{_ENDING}"
#: Where a site's address may be: tried first, as a pattern opening with a full stop is
#: found much faster than one opening with a capital.
SITE_KEY = re.compile(_ENDING)
SELF_NAMED = re.compile(
    rf"\b[Aa]s\s+(?P<name>{_SITE})\s+(?:has\s+|had\s+)?(?:earlier\s+|previously\s+)?"
    rf"(?:reported|wrote|informed)\b"
    rf"|\b(?P<name2>{_SITE})\s+(?:has\s+|had\s+)?(?:earlier|previously)\s+reported\b")
#: A masthead of initials on a line of its own ("PNHR"): the outlet's logo.
INITIALS_LINE = re.compile(r"^(?P<initials>[A-Z]{2,8})$", re.M)
#: A quoted name inside a credit: 'NIAT “Probe”' is Probe (NIAT says what kind of outlet).
QUOTED = re.compile(r"[“\"«'](?P<name>[^”\"»']{2,40})[”\"»']")
SMALL_WORDS = frozenset(PAGE_WORDS["name_small_words"])


def credit_name(credit: str | None) -> str | None:
    """The outlet's name a credit gives ("NIAT “Probe”" -> "Probe")."""
    if not credit:
        return None
    quoted = QUOTED.search(credit)
    return (quoted["name"] if quoted else credit).strip() or None


def read_publisher(text: str, lines: list[str], signoff: str | None = None) -> str | None:
    """The outlet a page credits itself to, read from its clean ``text``, the ``lines``
    cleaning set aside and the page's ``signoff`` (see :class:`PageSays`); None when no
    credit names one."""
    everything = "\n".join([text, *lines])
    for pattern in (PAREN_CREDIT, SLASHED_CREDIT):
        if m := _first(pattern, everything):
            return credit_name(m["name"])
    if signoff is None and (m := next(_line_matches(SIGNOFF, everything), None)):
        signoff = m["name"]
    if signoff:
        return credit_name(signoff)
    if m := next(_line_matches(DESK_BYLINE, everything), None):
        rest = everything[:m.start()] + everything[m.end():]
        return _named_elsewhere(m["name"] or m["alone"], rest)
    if SITE_KEY.search(text) and (m := SELF_NAMED.search(text)):
        return m["name"] or m["name2"]
    for m in _line_matches(INITIALS_LINE, everything):
        if name := spelled_out(m["initials"], text):
            return name
    return None


def _first(pattern: re.Pattern, text: str) -> re.Match | None:
    """The first match that opens a line or follows a space."""
    matches = _line_matches(pattern, text) if pattern in LINE_PATTERNS else pattern.finditer(text)
    for m in matches:
        if m.start() == 0 or text[m.start() - 1] in " \t\n":
            return m
    return None


#: Patterns that match only where a line starts (each opens with ^, re.M), which
#: _line_matches tries there alone: the regex engine does not skip ahead to line starts,
#: and tries such a pattern at every character of a search.
LINE_PATTERNS = (PAREN_CREDIT, SIGNOFF, DESK_BYLINE, INITIALS_LINE)
assert all(p.pattern.startswith("^") and p.flags & re.M for p in LINE_PATTERNS)


def _line_matches(pattern: re.Pattern, text: str) -> Iterator[re.Match]:
    """What ``pattern.finditer(text)`` gives for a pattern of LINE_PATTERNS."""
    pos = 0
    while True:
        m = pattern.match(text, pos)        # its ^ sees the text before pos
        if m:
            yield m
            if m.end() > pos and text[m.end() - 1] == "\n":
                pos = m.end()               # the match took a line break: a line starts here
                continue
        newline = text.find("\n", m.end() if m else pos)
        if newline < 0:
            return
        pos = newline + 1


def _named_elsewhere(name: str, text: str) -> str:
    """The longest start of a desk's name the text uses on its own ("Probe" of "Probe
    Syria team" where the text says "Probe has tracked..."), else the whole name."""
    words = name.split()
    for n in range(len(words), 0, -1):
        part = " ".join(words[:n])
        if len(re.findall(rf"(?<![\w-]){re.escape(part)}(?![\w-])", text)) >= 1:
            return part
    return name


def spelled_out(initials: str, text: str) -> str | None:
    """The name the text spells out before "(INITIALS)" whose capitals are those
    initials ("The Probe Network for Human Rights (PNHR)" -> "Probe Network for Human
    Rights"), or None."""
    for m in re.finditer(rf"\(\s*{initials}\s*\)", text):
        words = text[max(0, m.start() - 200):m.start()].split()
        capitals = ""
        for k in range(len(words) - 1, -1, -1):
            word = words[k]
            if word.lower() in SMALL_WORDS and capitals:
                continue
            if not word[:1].isupper():
                break
            capitals = word[0] + capitals
            if capitals == initials:
                return " ".join(words[k:])
            if not initials.endswith(capitals):
                break
    return None

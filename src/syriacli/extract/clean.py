"""Turn a scraped article into clean text plus the header lines it carried.

Cleaning happens once, before anything else reads the text, and everything later
(dates, figures, names) points into the clean text by character offset. Paragraphs
are separated by one blank line. Site chrome is dropped line by line; header lines
(publisher banner, title, dateline) are taken out of the body and returned beside
it, because an article's own dateline is metadata, not an event.
"""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Collection
from dataclasses import dataclass, field

from .. import vocab

# Character look-alikes folded before any rule runs.
TRANSLATE = str.maketrans({
    "\u00a0": " ", "\u2007": " ", "\u202f": " ", "\u2009": " ", "\u200b": "",
    "\ufeff": "", "\u2018": "'", "\u2019": "'", "\u02bc": "'", "\u2032": "'",
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2212": "-", "\r": "",
})

# Whole lines of site chrome, matched after stripping.
CHROME_LINES = [re.compile(p, re.I) for p in (
    r"^(?:icon\b.*){5,}$",                    # a row of icon names
    r"^icon [\w -]+ icon",                    # ... however it is spelled
    r"^related topics$",
    r"^more on the [\w ]+$",
    r"^media caption",
    r"^image (?:copyright|caption|source)",
    r"^read more\b",                          # "Read more [..](#)", "READ MORE: ..."
    r"^trends\b.*\]\(",                       # "Trends [link](#), [link](#)"
    r"^(?:share|advertisement|getty images|reuters/)$",
    r"^representational (?:pic|image|photo)\b",
    r"^(?:published|updated|опубликовано)\s*$",
    # credits and captions: "(Reporting by ...; Editing by ...)", "Photo: AFP", "(Video by
    # Ruptly)", "Video duration 02 minutes", "© 2019 Reuters", "Copyright 2017 The AP"
    r"^\(?(?:additional )?(?:reporting|writing|editing|compiled|translated) by\b",
    r"^\(?(?:file )?(?:photo|photograph|picture|image|video|footage|graphic)s?(?: credit)?"
    r"\s*(?:by\b|[:/©|–-])",
    r"^(?:watch|video duration|embedded video)\b",
    r"^(?:©|copyright\b|\(c\) )",
    r"^(?:follow us|subscribe|sign up|click here|all rights reserved)\b",
    # a cookie notice's heading, a breadcrumb, a web archive's banner and counters
    r"^cookies\b",
    r"^you are here\b",
    r"^(?:wayback machine|\d+ captures?|previous capture\b.*|close help)$",
    # a byline on its own line: "By Rana Haddad", "By Rana Haddad and Ali Kemal | Reuters",
    # "Author: Rana Haddad" (names capitalised: "By the time..." is prose)
    r"^(?:by|author:|written by)\s+(?-i:[A-Z][\w.'-]+(?:\s+[A-Z][\w.'-]+){0,3})"
    r"(?:\s*(?:,|\||and|&)\s*[\w .'&|-]{0,40})?$",
)]
#: Chrome anywhere in a line: a cookie notice's prose.
CHROME_INSIDE = re.compile(
    r"\b(?:we use cookies|(?:cookie|cookies) (?:policy|settings|consent|notice)"
    r"|accept (?:all )?cookies)\b",
    re.I,
)

# Outlet banners and sign-offs that both name the publisher and are chrome.
PUBLISHER_BANNER = re.compile(r"^(BBC News|Reuters|Associated Press|Al Jazeera|RT|TASS|Sputnik)$")
PUBLISHER_SIGNOFF = re.compile(r"^[-–—]\s*(AP|AFP|Reuters|dpa|RT|TASS|Sputnik|Xinhua)\s*$")
BANNER_PUBLISHERS = {"BBC News": "BBC", "Associated Press": "AP"}

#: The date forms a dateline may take ("30 Sep, 2016", "2016-09-30", "12/09/2017",
#: "Sept. 30, 2015", "Nov 24, 2015").
_DATE = (r"\d{1,2}[/.]\d{1,2}[/.]\d{4}|\d{4}-\d{2}-\d{2}(?:T[\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?"
         r"|\d{1,2}(?:st|nd|rd|th)?(?: of)? [a-z]{3,9}\.?,? \d{4}"
         r"|[a-z]{3,9}\.? \d{1,2}(?:st|nd|rd|th)?,? \d{4}")
_WEEKDAY_PREFIX = (
    r"(?:(?P<weekday>(?:mon|tue|tues|wed|wednes|thu|thurs|fri|sat|satur|sun)(?:day)?)"
    r"\.?(?:,|\s*/)?\s+)?")
#: A clock time after a date ("21:02:18", ", 5:10 pm ET", " / 9:19:42 AM").
_CLOCK = (r"(?:,|\s+[-–|/])?\s+(?:at\s+)?\d{1,2}[:.]\d{2}(?::\d{2})?(?:\s*[ap]\.?m\.?)?"
          r"(?:\s*(?:gmt|utc|bst|cet|est|edt|et|msk))?")
_TIME = rf"(?:{_CLOCK})?"
#: Where a dateline is printed ("MOSCOW, ", "Xinhua, ", "Cairo, "): a capitalised word or
#: few and a comma; capitals matter even inside a pattern that ignores case, or any three
#: words and a comma ("SOHR documented today, ...") would pass for a place.
_CAPITALISED = r"(?-i:[A-Z][A-Za-z.'-]+)"
_PLACE = rf"(?:{_CAPITALISED}(?: {_CAPITALISED}){{0,3}},\s+)?"
#: A place after the date ("05.04.2017, Syria."): up to three capitalised words.
_PLACE_AFTER = rf"(?:,\s*{_CAPITALISED}(?: {_CAPITALISED}){{0,2}}\.?)?"
#: A byline or a label that may lead a dateline on its line, before a bar ("Ali Murat
#: Alhas |03.03.2020", "Source: Xinhua | 2020-01-15 04:10:33 | Editor: huaxia").
_BYLINE = r"(?:[^|\n]{1,60}\|\s*)?"
#: Page furniture that may trail a dateline on its line ("Adjust font size:", "| Print").
_FURNITURE = r"(?:\s*[|·]\s*[^|·]{0,40}|\s+(?:adjust font size|font size|print|e-?mail|share)\W*)*"
# A line that is nothing but a date, maybe with a place, a label, a weekday, a time and a
# byline: a dateline ("30 Sep, 2016 05:10", "12/09/2017 09:03 by admin", "Published: Friday
# 30 September 2016 14:05 GMT", "Sept. 30, 2015 at 5:10 pm ET", "MOSCOW, March 15, 2016",
# "05.04.2017, Syria.").
DATELINE = re.compile(
    rf"^{_BYLINE}{_PLACE}"
    r"(?:(?P<label>(?:first |last )?(?:published|updated|posted|modified))(?: on)?(?:\s*[:/])?\s+)?"
    rf"{_WEEKDAY_PREFIX}(?P<date>{_DATE})(?P<time>{_TIME}){_PLACE_AFTER}"
    rf"{_FURNITURE}(?P<byline>\s+by\s+\w+)?\s*$",
    re.I,
)
#: A dateline opening the first paragraph, before the body's first sentence: a place and
#: a date, the year maybe left out, ended by a wire credit or a dash ("MOSCOW, September 6.
#: /TASS/. Russian planes...", "Nov 24, 2015- Turkish warplanes...", "BEIRUT, Oct 1
#: (Reuters) - ...", "ANKARA, 15.03.2016 (Anadolu) - ..."). Without a place the date must
#: carry its year.
_SHORT_MONTH_DAY = r"[A-Z][a-z]{2,8}\.? \d{1,2}|\d{1,2} [A-Z][a-z]{2,8}"
_DIGITS_DATE = r"\d{1,2}[/.]\d{1,2}[/.]\d{4}|\d{4}-\d{2}-\d{2}"
LEADING_DATELINE = re.compile(
    r"^(?:(?P<place>[A-Z][A-Za-z.'-]+(?: [A-Z][A-Za-z.'-]+){0,3}),\s+"
    rf"(?:(?P<short>{_SHORT_MONTH_DAY})(?:,? (?P<year>\d{{4}}))?|(?P<numeric>{_DIGITS_DATE}))"
    rf"|(?P<date>(?i:{_DATE})))"
    # "/TASS/", '/NIAT “Probe”/': an agency's credit between slashes
    r"(?:\s*\.?\s*/(?P<slashed>[A-Z][^/\n]{1,40})/\.?|\s*\((?P<credit>[A-Z][\w .-]{1,30})\))?"
    r"\s*(?:--|[-–—.])?\s+(?=[A-Z\"“])"
)
#: A date and a time a page printed at the end of its headline's line; the time is
#: required, so a headline that ends in a date ("... on March 3, 2020") keeps it.
TRAILING_STAMP = re.compile(rf"\s+{_WEEKDAY_PREFIX}(?P<date>{_DATE})(?P<time>{_CLOCK})\s*$", re.I)
#: The most words a headline has; a longer line below it is a standfirst, and so is a
#: line of STANDFIRST_WORDS or more below a much shorter headline.
HEADLINE_WORDS, STANDFIRST_WORDS = 20, 12
MASTHEAD_WORDS = 6
MASTHEAD_SMALL_WORDS = frozenset({"and", "of", "the", "for", "on", "in", "&"})
#: A crawler's date left at the start of a stored page (" date 2017-12-11 Headline...").
CRAWLER_DATE = re.compile(r"^date\s+(?P<date>\d{4}-\d{2}-\d{2})\b\s*")
#: The marker of a list item: a bullet or dash, or a number ("1.", "2)"). A list line is
#: what a reader reads (a tally under "Those killed included:"), never page chrome because
#: it is short or has no full stop: it stays, its own paragraph, without its marker. Only
#: a list of links is dropped: a list with a Markdown link in it, or under a heading that
#: is chrome ("Related Topics", "More on the Syria conflict").
BULLET = re.compile(r"^(?:[•·▪◦*–—-]|\d{1,2}[.)])\s+")
#: No dateline is longer (a place, a date, a time, a byline and a little furniture).
DATELINE_LENGTH = 160
DIGIT = re.compile(r"[0-9]")
#: "MOSCOW (Reuters) -", "BEIRUT (AP) —", "PATRIOT PARK (Kubinka), (Sputnik) —": a wire
#: service's credit opening the first paragraph.
WIRE_OPENING = re.compile(
    r"^(?:[A-Z][A-Z .,'/-]{1,40}|[A-Z][a-z]+(?: [A-Z][a-z]+){0,2})(?:\s*\([^()]{1,40}\),?)?\s"
    r"\((?P<publisher>[A-Z][\w&.'-]*(?: [A-Z][\w&.'-]*){0,4})\)\s*(?:--|[-–—])\s*"
    # "Damascus, SANA - ...": a state agency's credit after the place, without brackets
    r"|^[A-Z][A-Za-z'-]+(?: [A-Z][A-Za-z'-]+){0,2},\s+(?P<agency>[A-Z]{2,8})\s*(?:--|[-–—])\s*"
    r"(?=[A-Z\"“])"
)
MARKDOWN_LINK = re.compile(r"\[([^\]\n]*)\]\((?:[^()\s]|\([^()]*\))*\)")
#: Emphasised words ("*MOSCOW*", "__said__"). The span is bounded: an unclosed star in
#: a long line would otherwise be matched against the whole rest of the line, star by star.
EMPHASIS = re.compile(r"(?<![\w*])(\*{1,2}|_{1,2})(?=\S)(.{1,300}?)(?<=\S)\1(?![\w*])")
#: Runs of spaces and tabs become one space; matching only the runs that change (not
#: every single space) makes that one cheap pass.
EXTRA_SPACES = re.compile(r" [ \t]+|\t[ \t]*")
#: The fewest words of a line of prose broken mid-sentence (a label or menu item is shorter).
BROKEN_LINE_WORDS = 8
# A paragraph that stops mid-sentence: no closing punctuation.
OPEN_END = re.compile(r"""[^.!?:;"”'’)\]…]$""")


@dataclass
class CleanArticle:
    text: str
    title: str | None = None
    dateline: str | None = None
    publisher: str | None = None
    dropped: list[str] = field(default_factory=list)
    #: Where each list item's paragraph starts in ``text``: its marker is gone, but a list
    #: still frames its items (frames.layout: "According to the ministry:" and its items).
    list_items: tuple[int, ...] = ()


#: The look-alike characters, found with one regex scan (str.translate with a dict
#: looks every character up, which costs more than the rest of cleaning together).
LOOKALIKE = re.compile("[" + "".join(re.escape(chr(c)) for c in TRANSLATE) + "]")


def _fold_lookalikes(text: str) -> str:
    if not LOOKALIKE.search(text):
        return text
    return LOOKALIKE.sub(lambda m: TRANSLATE[ord(m.group())] or "", text)


def normalise(raw: str) -> str:
    """Unicode NFKC, look-alike quotes and dashes, no CR or BOM."""
    text = _fold_lookalikes(raw)
    return text if text.isascii() else _fold_lookalikes(unicodedata.normalize("NFKC", text))


#: A Markdown heading's hashes ("## Russia ends its drawdown"); a hashtag has no space.
MARKDOWN_HEADING = re.compile(r"^#{1,6}\s+")


def strip_markup(line: str) -> str:
    if line.startswith("#"):
        line = MARKDOWN_HEADING.sub("", line)
    if "](" in line:
        line = MARKDOWN_LINK.sub(r"\1", line)
    if "*" in line or "_" in line:
        line = EMPHASIS.sub(r"\2", line)
    return EXTRA_SPACES.sub(" ", line).strip() if "  " in line or "\t" in line else line.strip()


CHROME = re.compile("|".join(f"(?:{p.pattern})" for p in CHROME_LINES), re.I)
assert all(p.pattern.startswith("^") for p in CHROME_LINES)  # so CHROME.match is CHROME.search


def is_chrome(line: str) -> bool:
    return (CHROME.match(line) is not None or _only_dates(line) or _is_menu(line)
            or ("ookie" in line and CHROME_INSIDE.search(line) is not None))


#: A ticker or a menu: three or more short items between bullets or bars ("Home | World |
#: Middle East", "headline • headline • headline").
MENU_SEPARATORS = re.compile(r"[•·|]")
MENU_ITEMS, MENU_ITEM_LENGTH = 3, 120


def _is_menu(line: str) -> bool:
    items = MENU_SEPARATORS.split(line, MENU_ITEMS)
    return len(items) > MENU_ITEMS and all(
        0 < len(item.strip()) <= MENU_ITEM_LENGTH for item in items[:MENU_ITEMS])


_DATE_VOCAB = vocab.load("dates.json")
#: Words a line of dates alone is made of ("11 Dec 16 - 11 Dec 16", "Nov DEC Jan",
#: "2015 2016 2017": an archive's calendar bar), lower-cased.
CALENDAR_WORDS = frozenset(
    w.lower() for row in _DATE_VOCAB["months"] for w in row
) | {d.lower() for d in _DATE_VOCAB["weekdays"]}
CALENDAR_LENGTH = 80
TOKENS = re.compile(r"[^\W\d_]+|\d+|\S")


def _only_dates(line: str) -> bool:
    """A line of month names, numbers and punctuation only: a calendar, not prose."""
    if len(line) > CALENDAR_LENGTH:
        return False
    tokens = TOKENS.findall(line)
    words = [t for t in tokens if t[0].isalpha()]
    return len(tokens) >= 2 and any(t.isdigit() or t.lower() in CALENDAR_WORDS for t in tokens) \
        and all(w.lower().rstrip(".") in CALENDAR_WORDS for w in words)


def clean(raw: str) -> CleanArticle:
    """Clean one raw article; see the module docstring for what is kept. Each line is
    read in turn (:func:`_read_line`): page furniture is dropped or taken as the
    article's publisher or date, short lines above the body settle into its title, the
    rest are paragraphs; then broken paragraphs are joined again."""
    page = normalise(raw)
    # EXTRA_SPACES only ever matches at a tab or two spaces: skip its scan without them
    page = EXTRA_SPACES.sub(" ", page) if "  " in page or "\t" in page else page
    lines = [line.strip() for line in page.split("\n")]
    reading = _Reading(CleanArticle(text=""), _lists_of_links(lines), _broken_lines(lines))
    for number, line in enumerate(lines):
        _read_line(reading, number, line)
    reading.settle_title()
    paragraphs, items = _join_broken(reading.paragraphs, reading.items)
    reading.article.text = "\n\n".join(paragraphs)
    reading.article.list_items = _starts(paragraphs, items)
    return reading.article


def _starts(paragraphs: list[str], chosen: Collection[int]) -> tuple[int, ...]:
    """Where the ``chosen`` paragraphs start in the text they make, joined by blank lines."""
    starts, at = [], 0
    for i, para in enumerate(paragraphs):
        if i in chosen:
            starts.append(at)
        at += len(para) + 2
    return tuple(starts)


@dataclass
class _Reading:
    """One article as :func:`clean` reads it, line by line."""

    article: CleanArticle
    links: set[int]                     # the lines of lists of links
    broken: set[int]                    # lines of prose the next line continues
    # Short lines above the body (banners, labels, the headline); None once the body began.
    headers: list[str] | None = field(default_factory=list)
    paragraphs: list[str] = field(default_factory=list)
    items: set[int] = field(default_factory=set)    # the paragraphs that are list items

    def settle_title(self) -> None:
        """The lines held above the body are its title (or its first paragraphs)."""
        if self.headers:
            self.paragraphs.extend(_settle_title(self.article, self.headers))


def _broken_lines(lines: list[str]) -> set[int]:
    """A line of prose the next line continues in lowercase was broken mid-sentence:
    never a headline ("... including seven children, in" / "northwest Syria on Tuesday
    ..."); a short label above another ("start date" / "end date") is no prose."""
    return {n for n in range(len(lines) - 1)
            if lines[n + 1][:1].islower() and OPEN_END.search(lines[n])
            and len(lines[n].split()) >= BROKEN_LINE_WORDS}


def _read_line(reading: _Reading, number: int, line: str) -> None:
    """Read line ``number`` of the article into ``reading``: in this order, a crawler's
    date, the publisher's banner or sign-off, a list of links, a dateline, page chrome;
    what is left is text for the title or the body."""
    article = reading.article
    line = _take_crawler_date(article, line)
    if not line or _take_publisher_line(reading, line):
        return
    bullet = BULLET.match(line)
    if bullet:
        if number in reading.links:
            article.dropped.append(line)        # a list of links
            return
        line = line[bullet.end():]
    if _take_dateline(reading, line):
        return
    if is_chrome(line):
        article.dropped.append(line)
        return
    text = _body_text(reading, line)
    if text:
        _place_text(reading, number, line, text, listed=bool(bullet))


def _take_crawler_date(article: CleanArticle, line: str) -> str:
    """``line`` without a crawler's date at its start, which dates the article."""
    crawled = CRAWLER_DATE.match(line)
    if not crawled:
        return line
    article.dateline = article.dateline or crawled.group("date")
    return line[crawled.end():]


def _take_publisher_line(reading: _Reading, line: str) -> bool:
    """True when ``line`` is a publisher's banner above the body or its sign-off: dropped,
    and the article's publisher taken from it."""
    article = reading.article
    banner = PUBLISHER_BANNER.match(line)
    if banner and not reading.paragraphs and article.publisher is None:
        article.publisher = BANNER_PUBLISHERS.get(banner.group(1), banner.group(1))
        article.dropped.append(line)
        return True
    signoff = PUBLISHER_SIGNOFF.match(line)
    if signoff:
        article.publisher = article.publisher or signoff.group(1)
        article.dropped.append(line)
        return True
    return False


def _take_dateline(reading: _Reading, line: str) -> bool:
    """True when ``line`` is a date line: page furniture, never prose, and the article's
    date when it is near its top, or labelled anywhere ("Published: ..." after the body),
    or a full stamp (weekday, date and time) printed below the body."""
    article = reading.article
    short = len(line) <= DATELINE_LENGTH and DIGIT.search(line)
    dateline = DATELINE.match(line) if short else None
    if not dateline:
        return False
    if article.dateline is None and (
            len(reading.paragraphs) <= 2 or dateline.group("label")
            or (dateline.group("weekday") and dateline.group("time"))):
        article.dateline = dateline.group("date") + dateline.group("time")
    else:
        article.dropped.append(line)
    if reading.headers:  # the headline sits above its dateline (or below it: left open)
        reading.settle_title()
        reading.headers = None
    return True


def _body_text(reading: _Reading, line: str) -> str:
    """The text of a line of prose, without markup, and without a dateline or a wire
    service's credit opening the body (page furniture, taken as the date or publisher)."""
    article = reading.article
    text = strip_markup(line)
    if len(reading.paragraphs) <= 1:
        text = _take_leading_dateline(article, text)
    if not text:
        return text
    wire = WIRE_OPENING.match(text) if not reading.paragraphs else None
    if wire:
        # the credit is page furniture, like a dateline: the paragraph starts after it
        publisher = wire.group("publisher") or wire.group("agency")
        if article.publisher is None:
            article.publisher = BANNER_PUBLISHERS.get(publisher, publisher)
        text = text[wire.end():] or text
    return text


def _place_text(reading: _Reading, number: int, line: str, text: str, listed: bool) -> None:
    """Put ``text`` (of ``line``) where it belongs: held above the body while it looks
    like a title, dropped when it repeats the title, else a paragraph (a list item when
    ``listed``), which settles the title held so far."""
    article = reading.article
    if reading.headers is not None and not listed and not reading.paragraphs \
            and number not in reading.broken and _looks_like_title(text):
        text = _take_trailing_stamp(article, text)
        if text not in reading.headers:
            reading.headers.append(text)
        return
    if article.title and text == article.title and len(reading.paragraphs) <= 1:
        article.dropped.append(line)
        return  # the title repeated as a heading
    reading.settle_title()
    reading.headers = None
    if listed:
        reading.items.add(len(reading.paragraphs))
    reading.paragraphs.append(text)


def marked_lines(raw: str) -> list[tuple[str, bool]]:
    """Each line of a raw article with whether cleaning removed it as page furniture
    (`show --raw`); blank lines are never marked. A date line taken as the article's
    date is kept: it is the article's own, shown as its date."""
    dropped = set(clean(raw).dropped)
    text = normalise(raw)
    return [(line, bool(line.strip()) and EXTRA_SPACES.sub(" ", line).strip() in dropped)
            for line in text.split("\n")]


def _lists_of_links(lines: list[str]) -> set[int]:
    """The numbers of the list lines that make a list of links: a run of list lines (blank
    lines between allowed) with a Markdown link in it, or under a line that is chrome."""
    links: set[int] = set()
    run: list[int] = []
    above = ""                          # the last line with text before the run
    for number, line in enumerate([*lines, "."]):
        if BULLET.match(line):
            run.append(number)
        elif line:
            if run and (is_chrome(above) or any("](" in lines[i] for i in run)):
                links.update(run)
            run, above = [], line
    return links


def _settle_title(article: CleanArticle, headers: list[str]) -> list[str]:
    """Make the headline of the short lines above the body the title, and return the lines
    that belong to the body.

    The headline is the last of them (it sits right above the dateline or the first
    paragraph); lines above it are banners, mastheads and section labels ("Off the wire",
    a site's name), dropped. A line too long for a headline below it is a standfirst: the
    headline is the one before, the standfirst opens the body.
    """
    at = len(headers) - 1
    while at > 0 and _is_standfirst(headers[at], headers[at - 1]):
        at -= 1
    article.title = article.title or headers[at]
    article.dropped.extend(headers[:at])
    return headers[at + 1:]


def _is_standfirst(line: str, above: str) -> bool:
    """A line below a headline that reads as its standfirst: long for a headline, and
    longer than the line above, unless that one is a masthead (a site's name)."""
    words, above_words = len(line.split()), above.split()
    if words > HEADLINE_WORDS:
        return True
    return words >= STANDFIRST_WORDS and words > 1.5 * len(above_words) \
        and not _is_masthead(above_words)


def _is_masthead(words: list[str]) -> bool:
    """A few capitalised words without digits ("Levant News and Radio", "Off the Wire")."""
    return len(words) <= MASTHEAD_WORDS and not any(ch.isdigit() for w in words for ch in w) \
        and all(w[:1].isupper() or w in MASTHEAD_SMALL_WORDS for w in words)


def _take_trailing_stamp(article: CleanArticle, headline: str) -> str:
    """A headline without the date and time a page printed right after it ("... near Idlib
    Friday, May 8, 2020 6:14:02 PM"), which becomes the dateline."""
    m = TRAILING_STAMP.search(headline)
    if not m or m.start() == 0:
        return headline
    if article.dateline is None:
        article.dateline = m.group("date") + m.group("time")
    return headline[:m.start()].rstrip(" ,|-–")


def _take_leading_dateline(article: CleanArticle, line: str) -> str:
    """The line without a dateline that opens it, which becomes the article's dateline
    (and its wire credit the publisher) when it has none yet."""
    m = LEADING_DATELINE.match(line)
    if not m or not (m.group("place") or m.group("date")):
        return line
    if article.dateline is None:
        short = m.group("short")
        year = m.group("year")
        article.dateline = m.group("date") or m.group("numeric") \
            or (f"{short}, {year}" if year else short)
    credit = m.group("slashed") or m.group("credit")
    if credit and article.publisher is None:
        article.publisher = credit
    return line[m.end():]


#: A sentence ending inside a line ("... said. The ..."): prose, not a headline.
SENTENCE_INSIDE = re.compile(r"[a-z]{2}\. [A-Z]")
#: A photo's caption above the body: a sentence, then its credit in parentheses ("Jets at
#: the base. (Ministry photo)"). Prose a reader reads, and names a search must find: kept
#: in the text, never taken for a headline (nor dropped as a banner above one).
CAPTION = re.compile(r"\w[.!?][\"”']?\s+\([^()]{2,60}\)$")


def _looks_like_title(text: str) -> bool:
    return len(text) <= 200 and not text.endswith((".", ",", ";", ".)", '."', ".”")) \
        and not SENTENCE_INSIDE.search(text) and not CAPTION.search(text)


def _join_broken(paragraphs: list[str], items: Collection[int] = ()
                 ) -> tuple[list[str], set[int]]:
    """Re-join a paragraph a scraper split mid-sentence ("driven out" / "of the city"); a
    list item (``items``: their indices) stays its own paragraph. The paragraphs, and the
    indices of the list items among them."""
    joined: list[str] = []
    kept: set[int] = set()
    for i, para in enumerate(paragraphs):
        if joined and i not in items and i - 1 not in items and para[:1].islower() \
                and OPEN_END.search(joined[-1]):
            joined[-1] = joined[-1] + " " + para
        else:
            if i in items:
                kept.add(len(joined))
            joined.append(para)
    return joined, kept

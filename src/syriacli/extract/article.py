"""Everything extracted from one article: a pure function of its raw text and manifest row.

Text and metadata in (:class:`RawArticle`), dataclasses out (:class:`ArticleExtraction`);
nothing here knows how they are stored: :mod:`syriacli.rows` turns them into rows.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from .clean import clean
from .dates import DateMention, find_dates, read_dateline, read_today, why_undated
from .events import Event, build_events
from .figures import Figure, find_figures
from .names import NameMention, find_names, load_table
from .pagemeta import PageSays, credit_name, read_publisher, take_stamps
from .pages import Page, is_page, read_page
from .sentences import split_sentences
from .sketch import sketch

WORD = re.compile(r"\w+")
#: Metadata fields the manifest may give; where it is silent the text may.
META_FIELDS = ("title", "publisher", "published")


#: A letter or a digit: a text without one holds no article.
A_WORD = re.compile(r"[^\W_]")


class NoArticleText(ValueError):
    """A file that holds no article to read (a web page of navigation only)."""


@dataclass
class RawArticle:
    id: str
    file: str
    text: str
    manifest: dict = field(default_factory=dict)
    raw_hash: str = ""
    raw_size: int = 0
    raw_mtime: float = 0.0
    source_key: str = ""


@dataclass
class Metadata:
    """An article's title, publisher and publication day, each with where it came from
    (``"manifest"``, ``"page"`` for a web page's own metadata, ``"text"``, or None when
    none gave it), its URL, and why it has no publication day if it has none."""

    title: str | None = None
    publisher: str | None = None
    published: str | None = None
    title_from: str | None = None
    publisher_from: str | None = None
    published_from: str | None = None
    url: str | None = None
    #: Why there is no publication day ("06/05/2019: day or month first?"); None if there is.
    undated_reason: str | None = None


@dataclass
class ArticleExtraction:
    """What one article yields: its clean text, metadata and every extracted item, each
    item with its character span in ``text``."""

    source: RawArticle
    text: str
    words: int
    meta: Metadata
    dates: list[DateMention]
    names: list[NameMention]
    figures: list[Figure]
    events: list[Event]
    #: What a reprint of this article shares with it (see sketch.py).
    sketch: list[int] = field(default_factory=list)

    @property
    def id(self) -> str:
        return self.source.id


def resolve_metadata(manifest: dict, cleaned, body: str, page: Page | None = None,
                     says: PageSays | None = None) -> Metadata:
    """The manifest wins; where it is silent, the page's own metadata (a web page's meta
    tags); then the value read from the text (``says``: what the page's lines said before
    cleaning, see pagemeta.take_stamps); else empty. The text is read only for the fields the
    manifest and the page leave open."""
    values = {"url": (manifest.get("url") or "").strip() or (page.url if page else None)}
    for key in META_FIELDS:
        given = (manifest.get(key) or "").strip() or None
        from_page = getattr(page, key) if page else None
        value = given or from_page or _from_text(key, cleaned, body, says or PageSays())
        values[key] = value
        values[f"{key}_from"] = ("manifest" if given else "page" if from_page
                                 else "text" if value else None)
    if values["published"] is None:
        values["undated_reason"] = why_undated(cleaned.dateline, body)
    return Metadata(**values)


def _from_text(key: str, cleaned, body: str, says: PageSays) -> str | None:
    """A metadata field as the text gives it: the headline, the credit naming the outlet
    (see pagemeta.py), the day of the dateline, of a stamp line or of the report's
    "today"."""
    if key == "title":
        return cleaned.title
    if key == "publisher":
        return credit_name(cleaned.publisher) or read_publisher(body, cleaned.dropped,
                                                                 says.signoff)
    if cleaned.dateline:
        return read_dateline(cleaned.dateline, body)
    return says.published or read_today(body)


@lru_cache(maxsize=4)
def _table(names_file: str | None):
    return load_table(names_file)


def extract_article(raw: RawArticle, names_file: str | None = None) -> ArticleExtraction:
    """Clean the text, split it into sentences, find its dates, names and figures, and
    make events of its dated statements (``names_file``: a user's extra names)."""
    page = read_page(raw.text) if is_page(raw.file) else None
    if page is None and is_page(raw.file):
        raise NoArticleText("a web page without article text")
    page_text, says = take_stamps(page.text if page else raw.text)
    cleaned = clean(page_text)
    # The headline is part of what the article says (a figure in it is a claim too), so
    # the text every offset points into opens with it.
    text = f"{cleaned.title}\n\n{cleaned.text}" if cleaned.title else cleaned.text
    shift = len(text) - len(cleaned.text)
    list_items = [shift + start for start in cleaned.list_items]
    if not A_WORD.search(text):     # a bullet line alone is no article of 0 words
        raise NoArticleText("no words in it (only marks such as a bullet)")
    meta = resolve_metadata(raw.manifest, cleaned, text, page, says)
    sentences = split_sentences(text)
    dates = find_dates(text, meta.published, sentences)
    names = find_names(text, sentences, _table(names_file))
    figures = find_figures(text, sentences, dates, meta.published, publisher=meta.publisher,
                           names=names, list_items=list_items)
    events = build_events(raw.id, text, dates, names)
    words = len(WORD.findall(text))
    return ArticleExtraction(raw, text, words, meta, dates, names, figures, events,
                             sketch(sentences))

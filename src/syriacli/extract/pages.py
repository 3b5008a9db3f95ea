"""A saved web page in, its article text and the page's own metadata out.

Reading the main text of a news page (leaving navigation, cookie notices, related links
and comments behind) and its metadata (meta tags, JSON-LD, ``<time>``) is trafilatura's
job; it is imported only when a page is read, so start-up stays fast for plain text.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

#: File endings read as web pages; every other article file is plain text.
PAGE_SUFFIXES = (".html", ".htm")
#: htmldate's settings: the publication date from the page's markup only (meta tags,
#: JSON-LD, <time>, the URL), never a date guessed from the running text or the copyright
#: line, and the original date, not the last update.
DATE_SETTINGS = {"extensive_search": False, "original_date": True}

SENTENCE = re.compile(r"\w[.!?]")
#: A caption and a table's cells are text a reader reads like a paragraph, which
#: trafilatura would drop (a caption) or print as a row of bars (cells): they are made
#: paragraphs, and their figure and table plain blocks, before it reads the page.
AS_PARAGRAPH = r"<(/?)(?:figcaption|td|th)\b"
AS_BLOCK = r"<(/?)(?:figure|table|thead|tbody|tfoot|tr)\b"
_PARAGRAPH_BYTES = re.compile(AS_PARAGRAPH.encode(), re.I)
_BLOCK_BYTES = re.compile(AS_BLOCK.encode(), re.I)
_PARAGRAPH_TEXT = re.compile(AS_PARAGRAPH, re.I)
_BLOCK_TEXT = re.compile(AS_BLOCK, re.I)


@dataclass
class Page:
    """What a page says of itself; None where it says nothing."""

    text: str
    title: str | None = None
    published: str | None = None
    publisher: str | None = None
    url: str | None = None
    author: str | None = None


def is_page(file_name: str) -> bool:
    return file_name.lower().endswith(PAGE_SUFFIXES)


def read_page(html: bytes | str) -> Page | None:
    """The article a page holds, or None when it holds no readable text."""
    import trafilatura

    markup: bytes | str
    if isinstance(html, bytes):  # a page read from disk
        markup = _BLOCK_BYTES.sub(rb"<\1div", _PARAGRAPH_BYTES.sub(rb"<\1p", html))
    else:
        markup = _BLOCK_TEXT.sub(r"<\1div", _PARAGRAPH_TEXT.sub(r"<\1p", html))
    doc = trafilatura.bare_extraction(
        markup, with_metadata=True, include_comments=False, include_tables=False,
        include_images=False, date_extraction_params=DATE_SETTINGS,
    )
    fields = (doc if isinstance(doc, dict) else doc.as_dict()) if doc is not None else {}
    body = fields.get("text") or ""
    # trafilatura falls back to whatever text a page has; a menu has no sentence in it.
    if not SENTENCE.search(body):
        return None
    # trafilatura puts one paragraph a line; the cleaner reads a blank line between them.
    text = "\n\n".join(line for line in body.split("\n") if line.strip())
    title = _value(fields.get("title"))
    if title and not text.startswith(title):
        text = f"{title}\n\n{text}"  # the headline opens the text, as in a saved .txt page
    return Page(text, title, _value(fields.get("date")), _value(fields.get("sitename")),
                _value(fields.get("url")), _value(fields.get("author")))


def _value(value: object) -> str | None:
    return value.strip() or None if isinstance(value, str) else None

"""An article's clean text with what syriacli understood marked inline.

Each resolved date gets its value beside it ("last May [2015-05]"), each figure
its metric and value ("over 7,000 sorties [sorties >7,000]"), each name its
canonical form and type ("Khmeimim [Hmeimim · base]"). On a terminal the spans
are coloured too; piped, the same marks make an inline-annotated plain text.
"""

from __future__ import annotations

from .labels import value_label

STYLES = {"date": "bold cyan", "figure": "bold magenta", "name": "green"}


def spans(article: dict) -> list[tuple[int, int, str, str]]:
    """(start, end, kind, label) for every extracted item, outer spans first."""
    items = []
    for d in article.get("dates", []):
        items.append((d["start"], d["end"], "date", d["date"] or "unresolved"))
    for f in article.get("figures", []):
        items.append((f["start"], f["end"], "figure", f"{f['metric']} {value_label(f)}"))
    for n in article.get("mentions", []):
        label = (
            n["type"] if n["text"].lower() == n["name"].lower() else f"{n['name']} · {n['type']}"
        )
        items.append((n["start"], n["end"], "name", label))
    return sorted(items, key=lambda s: (s[0], -s[1]))


def annotated_text(article: dict, rich: bool):
    """The annotated text: a Rich ``Text`` when ``rich``, else a plain string."""
    text = article["text"]
    items = spans(article)
    marks: dict[int, list[str]] = {}
    for _start, end, _kind, label in items:
        marks.setdefault(end, []).append(label)
    pieces: list[tuple[str, int | None]] = []  # (text, old offset or None for a mark)
    cursor = 0
    for end in sorted(marks):
        pieces.append((text[cursor:end], cursor))
        pieces.append((" [" + "; ".join(marks[end]) + "]", None))
        cursor = end
    pieces.append((text[cursor:], cursor))
    if not rich:
        return "".join(p for p, _ in pieces)
    from rich.text import Text

    result = Text()
    offset_map = []  # (new start, old start, length) of each piece of article text
    for piece, old in pieces:
        if old is not None:
            offset_map.append((len(result), old, len(piece)))
        result.append(piece, style=None if old is not None else "dim")
    for start, end, kind, _ in items:
        for new_start, old_start, length in offset_map:
            if old_start <= start < old_start + length:
                shift = new_start - old_start
                result.stylize(STYLES[kind], start + shift, min(end, old_start + length) + shift)
                break
    return result

"""Rich views for a terminal: timeline, figures, search hits, name cards, articles.

Only ``--format table`` (a terminal's default) comes here; every other format is
written by :mod:`syriacli.render`. Long results are cut with a note rather than
rendered row by row (a Rich table costs ~0.5 ms a row).
"""

from __future__ import annotations

import contextlib
import math
import sys
import zlib
from collections import Counter, defaultdict

from . import render, vocab
from .compare import bounds, disagreements
from .labels import number_label, value_label
from .places import degrees_label, places_label

MAX_TABLE_ROWS = 400
PALETTE = [
    "bright_blue",
    "bright_magenta",
    "bright_green",
    "bright_cyan",
    "yellow",
    "bright_red",
    "orange3",
    "medium_purple",
    "spring_green3",
    "deep_sky_blue1",
]
SPARK = " ▁▂▃▄▅▆▇█"
#: "Jan" ... "Dec": the shortest spelling of each month in dates.json ("Sep", not "Sept").
MONTH_ABBREVIATIONS = [min(row, key=len) for row in vocab.load("dates.json")["months"]]


def publisher_style(publisher: str | None) -> str:
    if not publisher:
        return "dim"
    return "bold white on " + palette_colour(publisher).replace("bright_", "")


def badge(publisher: str | None):
    from rich.text import Text

    return Text(f" {publisher} " if publisher else "", style=publisher_style(publisher))


def date_label(iso: str | None, precision: str | None) -> str:
    if not iso:
        return "?"
    if precision == "year" or len(iso) == 4:
        return iso[:4]
    month = MONTH_ABBREVIATIONS[int(iso[5:7]) - 1]
    if precision == "month" or len(iso) == 7:
        return f"{month} {iso[:4]}"
    return f"{int(iso[8:10])} {month} {iso[:4]}"


def _cut(rows: list, what: str) -> list:
    if len(rows) > MAX_TABLE_ROWS:
        render.say(
            f"showing the first {MAX_TABLE_ROWS} of {len(rows)} {what}; narrow with --from/--to, "
            "or pipe with --format tsv for all"
        )
        return rows[:MAX_TABLE_ROWS]
    return rows


def articles_table(rows: list[dict]) -> None:
    """The articles in a terminal: the first :data:`MAX_TABLE_ROWS`, as the timeline does
    (3,000 articles made a table of 10,000 lines), the columns no row fills left out."""
    from .queries import ARTICLES_COLUMNS

    rows = _cut(rows, "articles")
    render.simple_table(rows, [c for c in ARTICLES_COLUMNS if any(r.get(c) for r in rows)])


def search_table(rows: list[dict]) -> None:
    """Hits best first: the article's id, date and publisher stacked in one column so the
    title and snippet get the room (at 80 columns too), and the relevance as a share of
    the best hit's (machine formats keep the raw BM25 score)."""
    from rich.table import Table

    table = Table(header_style="bold", show_lines=True)
    table.add_column("article", no_wrap=True)
    table.add_column("title / snippet", overflow="fold", ratio=1)
    table.add_column("relevance", no_wrap=True, justify="right")
    rows = _cut(rows, "hits")
    best = max((r["score"] for r in rows if r["score"] is not None), default=None)
    for row in rows:
        cell = render.styled(row["title"])
        cell.stylize("bold")
        cell.append("\n")
        cell.append_text(render.styled(row["snippet"]))
        where = render.styled(row["article"])
        where.append("\n")
        where.append_text(render.styled(row["published"] or "date unknown"))
        where.append("\n")
        where.append_text(badge(render.styled(row["publisher"]).plain or None))
        table.add_row(where, cell, relevance(row["score"], best))
    render.console().print(table)


def relevance(score: float | None, best: float | None) -> str:
    """A hit's BM25 score as a percentage of the best hit's ("100%", "76%"): the raw
    score (1.67e-06) says nothing by itself."""
    if score is None or not best:
        return ""
    return f"{round(100 * score / best)}%"


def month_strip(entries: list[dict]):
    """A one-line bar chart of entries per month across the range shown."""
    from rich.text import Text

    months = Counter(e["date"][:7] for e in entries if e["precision"] != "year")
    if not months:
        return Text("")
    first, last = min(months), max(months)
    keys, (y, m) = [], (int(first[:4]), int(first[5:7]))
    while f"{y:04d}-{m:02d}" <= last:
        keys.append(f"{y:04d}-{m:02d}")
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    top = max(months.values())
    bars = "".join(SPARK[0 if not months[k] else max(1, round(8 * months[k] / top))] for k in keys)
    strip = Text("events a month ", style="dim")
    strip.append(date_label(first, "month") + " ", style="dim")
    strip.append(bars, style="cyan")
    strip.append(f" {date_label(last, 'month')}  (max {top})", style="dim")
    return strip


def timeline_view(entries: list[dict], quotes: bool) -> None:
    from rich.text import Text

    out = render.console()
    if not entries:
        return
    out.print(month_strip(entries))
    year = month = None
    for entry in _cut(entries, "entries"):
        if entry["date"][:4] != year:
            year, month = entry["date"][:4], None
            out.rule(Text(year, style="bold"), align="left")
        if entry["precision"] != "year" and entry["date"][:7] != month:
            month = entry["date"][:7]
            out.print(Text(MONTH_ABBREVIATIONS[int(month[5:7]) - 1], style="bold underline"))
        label = Text(date_label(entry["date"], entry["precision"]), style="bold cyan")
        line = Text()
        if entry["conflict"]:
            line.append("⚠ ", style="bold red")
        line.append(entry["summary"])
        if entry["sources"] > 1:
            line.append(f"  {entry['sources']} sources:", style="dim")
        for publisher in dict.fromkeys(m["publisher"] for m in entry["mentions"]):
            line.append(" ")
            line.append_text(badge(publisher))
        lines = [line]
        if entry["conflict"]:
            said = "; ".join(
                f"{date_label(c['date'], c['precision'])}"
                f" ({', '.join(c.get('publishers') or c['articles'])})"
                for c in entry["conflict"]
            )
            lines.append(Text(f"sources disagree: {said}", style="red"))
        if entry["about"]:
            lines.append(Text(f"about: {', '.join(entry['about'])}", style="dim"))
        if entry.get("places"):
            lines.append(Text(f"at: {places_label(entry['places'])}", style="dim"))
        if quotes:
            for mention in entry["mentions"]:
                quote = badge(mention["publisher"])
                quote.append(f" {mention['article']} ", style="dim")
                quote.append(f"“{mention['quote']}”", style="italic")
                lines.append(quote)
        out.print(hanging(label, lines))


#: The width of the date column of a timeline (the longest label: "30 Sep 2015").
DATE_COLUMN = 12
#: The narrowest value column of a figures view ("≥1,000,000 km2"); wider for a longer
#: value, up to a third of the terminal.
VALUE_COLUMN = 14


def hanging(label, lines: list, width: int = DATE_COLUMN, gap: int = 2):
    """``label`` right-aligned in a column of ``width``, each of ``lines`` ``gap``
    columns beside it: wrapped text stays under its column, never under the label."""
    from rich.table import Table

    grid = Table.grid(padding=(0, 0, 0, gap))
    grid.add_column(width=width, justify="right", no_wrap=True)
    grid.add_column(overflow="fold")
    for i, line in enumerate(lines):
        grid.add_row(label if i == 0 else "", line)
    return grid


def _drawn(claim: dict) -> tuple[float, float]:
    """The stretch of a claim's bar: what it allows, a vague or open end drawn at its value."""
    allowed = bounds(claim)
    value = claim.get("value") or claim.get("low") or 0.0
    if allowed is None:
        return value, value
    lo, hi = allowed
    return max(lo, 0.0), (value if math.isinf(hi) else hi)


def spread_line(metric: str, claims: list[dict]) -> str:
    values = [c["value"] if c["value"] is not None else c["low"] for c in claims] + [
        c["high"] for c in claims if c.get("high") is not None
    ]
    values = [v for v in values if v is not None]
    claimants = {c.get("claimant") or f"{c.get('publisher') or '?'} (own account)" for c in claims}
    if not values:
        return metric
    low, high = min(values), max(values)
    top = next((c for c in claims if (c["value"] or c["high"]) == high), None)
    plus = "+" if top and top.get("qualifier") in ("over", "at least") else ""
    span = (f"{number_label(low)}{plus}" if low == high
            else f"{number_label(low)} to {number_label(high)}{plus}")
    return (
        f"{metric}: {span}, {len(claims)} claim{'s' if len(claims) != 1 else ''}, "
        f"{len(claimants)} claimant{'s' if len(claimants) != 1 else ''}"
    )


def _bar(claim: dict, top: float, width: int = 20) -> str:
    lo, hi = _drawn(claim)
    if claim.get("value") is None:
        return "█" * max(1, round(width * lo / top)) + "▒" * max(0, round(width * (hi - lo) / top))
    bar = "█" * max(1, round(width * lo / top))
    return bar + ("▸" if claim.get("qualifier") in ("over", "at least") else "")


def figures_view(claims: list[dict], quotes: bool, by_claimant: bool) -> None:
    from rich.text import Text

    out = render.console()
    groups = _by_metric(claims)
    for metric, rows in groups.items():
        if by_claimant:
            rows = sorted(
                rows, key=lambda c: ((c.get("claimant") or "~").lower(), c["published"] or "")
            )
        out.print(Text(spread_line(metric, rows), style="bold"))
        top = max(_drawn(c)[1] for c in rows) or 1
        rows = _cut(rows, "claims")
        # a value is never cut ("290,000–470,0…"): its column widens, the text beside it wraps
        width = min(max([VALUE_COLUMN, *(len(value_label(c)) for c in rows)]),
                    max(VALUE_COLUMN, out.width // 3))
        for claim in rows:
            line = Text()
            line.append(f"{_bar(claim, top):<22}", style="cyan")
            line.append(
                claim.get("claimant") or "(own account)",
                style=None if claim.get("claimant") else "dim",
            )
            if claim.get("via"):
                line.append(f" via {claim['via']}", style="dim")
            line.append("  ")
            line.append_text(badge(claim["publisher"]))
            line.append(f" {claim['published'] or 'undated'}  {claim['article']}", style="dim")
            lines = [line]
            if claim.get("places"):
                lines.append(Text(f"at: {places_label(claim['places'])}", style="dim"))
            if quotes:
                lines.append(Text(f"“{claim['quote']}”", style="italic"))
            out.print(hanging(Text(value_label(claim), style="bold"), lines, width, gap=1))
        pairs = disagreements(rows)
        if pairs:
            out.print(Text("  disagree beyond their qualifiers:", style="bold red"))
            for pair in pairs[:20]:
                said = f"{_claim_label(pair.first)} vs {_claim_label(pair.second)}: {pair.why}"
                out.print(hanging("", [Text(said, style="red")], width=2))
        out.print()


def chart_view(claims: list[dict]) -> None:
    """Each metric's claims over time (`figures METRIC --chart`, see :mod:`syriacli.chart`)."""
    from rich.text import Text

    from .chart import LEGEND_VALUE, chart

    out = render.console()
    groups = _by_metric(claims)
    for metric, rows in groups.items():
        out.print(Text(spread_line(metric, rows), style="bold"))
        lines, legend = chart(_cut(rows, "claims"), out.width, palette_colour)
        for line in lines:
            out.print(line, overflow="fold")
        for mark, text in legend:
            out.print(hanging(mark, [text], LEGEND_VALUE, gap=2))
        out.print()


def _by_metric(claims: list[dict]) -> dict[str, list[dict]]:
    """Claims grouped by metric, in the order they come."""
    groups: dict[str, list[dict]] = defaultdict(list)
    for claim in claims:
        groups[claim["metric"]].append(claim)
    return groups


def palette_colour(key: str) -> str:
    """A colour of the palette of its own for a publisher or a claimant, stable across runs."""
    return PALETTE[zlib.crc32(key.encode()) % len(PALETTE)]


def _claim_label(figure: dict) -> str:
    """A figure's value, who claims it and who published it: `>7,000 (Russian MoD, RT)`."""
    said = ", ".join(dict.fromkeys(filter(None, (figure.get("claimant"), figure["publisher"]))))
    return f"{value_label(figure)} ({said or 'unattributed'})"


def metrics_view(rows: list[dict]) -> None:
    render.simple_table(
        rows,
        ["metric", "claims", "articles", "min", "max", "units"],
        title="metrics (syriacli figures METRIC for the claims)",
    )


#: The columns of `show` in csv and tsv: one row, the article's metadata and its clean
#: text (json and jsonl give every field, with the dates, figures and names found).
SHOW_COLUMNS = ["article", "title", "publisher", "published", "url", "words", "text"]


def show_article(article: dict, annotate: bool, fmt: str | None) -> None:
    from .annotate import annotated_text

    fmt = render.default_format(fmt) if fmt else ("table" if sys.stdout.isatty() else "text")
    if fmt in ("json", "jsonl"):
        render.write_rows([article], list(article), fmt)
        return
    if fmt in render.TEXT_FORMATS:
        render.write_rows([dict(article, article=article["id"])], SHOW_COLUMNS, fmt)
        return
    if fmt == "table" or sys.stdout.isatty():
        article = render.terminal_safe(article)
    title = article["title"] or article["id"]
    headline_in_text = bool(article["title"]) and article["text"].startswith(article["title"])
    header = (
        ("" if headline_in_text else f"{title}\n")  # else the text opens with it
        + f"{article['publisher'] or 'publisher unknown'}"
        f" · {article['published'] or 'date unknown'} · {article['id']}\n"
    )
    if fmt == "table":
        from rich.text import Text

        out = render.console()
        out.print(Text(header, style="bold"))
        out.print(annotated_text(article, rich=True) if annotate else Text(article["text"]))
    else:
        sys.stdout.write(header + "\n")
        sys.stdout.write(
            (annotated_text(article, rich=False) if annotate else article["text"]) + "\n"
        )


#: The columns of `show --raw` in json, jsonl, csv and tsv: each line and whether cleaning
#: removed it.
RAW_COLUMNS = ["line", "removed"]


def show_raw(article: dict, lines: list[tuple[str, bool]], fmt: str | None) -> None:
    """An article's raw lines, those cleaning removed dim and marked "-" on a terminal and
    in plain text (each other line is marked with two spaces); a row each in the data
    formats."""
    fmt = render.default_format(fmt) if fmt else ("table" if sys.stdout.isatty() else "text")
    if fmt not in ("table", "text"):
        render.write_rows(({"line": line, "removed": gone} for line, gone in lines),
                          RAW_COLUMNS, fmt)
        return
    if fmt == "table":
        from rich.text import Text

        out = render.console()
        out.print(Text(f"{article['id']} · {article['file']} · raw", style="bold"))
        for line, gone in lines:
            shown = render.terminal_safe(line)
            out.print(Text(f"- {shown}", style="dim") if gone else Text(f"  {shown}"))
        return
    sys.stdout.write("".join(f"{'- ' if gone else '  '}{line}\n" for line, gone in lines))


#: A name card as one line of csv/tsv: its events and claims as their counts (the
#: json formats carry them whole).
FLAT_CARD_COLUMNS = ["name", "type", "role", "org", "spellings", "articles", "mentions",
                     "lat", "lon", "geo_precision", "events", "figures"]


def name_card_view(card: dict, fmt: str) -> None:
    if fmt in render.TEXT_FORMATS:
        flat = {**card, "events": len(card["events"]), "figures": len(card["figures"])}
        render.write_rows([flat], FLAT_CARD_COLUMNS, fmt)
        return
    if fmt != "table":
        render.write_rows([card], list(card), fmt)
        return
    card = render.terminal_safe(card)
    from rich.text import Text

    out = render.console()
    out.print(Text(f"{card['name']} ({card['type']})", style="bold"))
    for label in ("role", "org"):
        if card.get(label):
            out.print(f"{label}: {card[label]}", markup=False)
    if card.get("lat") is not None:
        out.print(f"at {degrees_label(card)} ({card['geo_precision']})", markup=False)
    if not card["mentions"]:
        out.print("no article of the corpus mentions it", markup=False)
        return
    out.print(f"spellings: {', '.join(card['spellings'])}", markup=False)
    out.print(
        f"{card['mentions']} mentions in {len(card['articles'])} articles:"
        f" {', '.join(card['articles'])}",
        markup=False,
    )
    if card["events"]:
        out.print(Text("events", style="bold underline"))
        timeline_view(card["events"], quotes=False)
    if card["figures"]:
        out.print(Text("figures", style="bold underline"))
        figures_view(card["figures"], False, False)


def info_view(rows: list[dict]) -> None:
    """`syriacli info` on a terminal: one line a fact."""
    (row,) = rows
    out = render.console()
    if not row["exists"]:
        out.print(f"no corpus yet at {row['corpus']} (chosen by {row['chosen_by']}); "
                  "`syriacli build --raw DIR` makes it", markup=False)
    width = max(map(len, row))
    for key, value in row.items():
        if key != "exists" and value is not None:
            out.print(f"{key.replace('_', ' '):<{width}}  {value}", markup=False)


def undated_warning(undated: list[tuple[str, int]], raw_dir) -> str:
    """What the build says of articles without a publication date: which, what they lose,
    and how to give them one."""
    named = ", ".join(
        f"{article} ({unresolved} date{'s' * (unresolved != 1)} unresolved)" if unresolved
        else article for article, unresolved in undated[:UNDATED_NAMED])
    more = f" and {len(undated) - UNDATED_NAMED} more" if len(undated) > UNDATED_NAMED else ""
    lost = sum(unresolved for _, unresolved in undated)
    return (
        f"warning: {len(undated)} article{'s' * (len(undated) != 1)} without a publication "
        f"date: {named}{more}. Their relative dates (\"on Wednesday\", \"last week\"; {lost} "
        f"in all) stay unresolved and off the timeline, and their claims undated. Give each a "
        f"row in {raw_dir or 'the raw folder'}/manifest.csv (file,published, e.g. "
        f"{undated[0][0]}.txt,2016-03-15) and build again; `syriacli articles --undated` "
        f"lists them."
    )


@contextlib.contextmanager
def build_progress():
    """A progress bar on stderr for builds that extract many articles, named by the stage
    the build is in to its end (extracting, then merging, indexing...)."""
    if not sys.stderr.isatty():
        yield None
        return
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeRemainingColumn,
    )

    with Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
        console=render.console(stderr=True),
        transient=True,
    ) as bar:
        yield BuildBar(bar)


class BuildBar:
    """What a build reports its progress to: ``bar(results, total)`` counts the articles
    extracted, ``bar.stage(label)`` names each later stage on the same bar."""

    #: Below this many articles a build is over before a bar would help.
    SHOWN_FROM = 200

    def __init__(self, bar):
        self.bar, self.task = bar, None

    def __call__(self, results, total: int):
        if total < self.SHOWN_FROM:
            yield from results
            return
        self.task = self.bar.add_task("extracting", total=total)
        for result in results:
            self.bar.advance(self.task)
            yield result

    def stage(self, label: str) -> None:
        if self.task is not None:
            self.bar.update(self.task, description=label)


#: How many undated articles the build's warning names before "and N more".
UNDATED_NAMED = 10


def build_summary(report) -> None:
    for warning in report.warnings:
        render.say(f"warning: {warning}")
    for name, reason in report.skipped:
        render.say(f"skipped {name}: {reason}")
    for file, original in report.copies:
        render.say(f"note: {file} has the same text as article {original}: one article")
    if report.undated:
        render.say(undated_warning(report.undated, report.raw_dir))
    if report.unchanged:
        render.say(f"{report.path}: up to date, {report.taken} articles")
        return
    render.say(
        f"built {report.path}: {report.taken} articles ({report.extracted} extracted, "
        f"{report.reused} unchanged, {report.removed} removed), {len(report.skipped)} skipped"
    )

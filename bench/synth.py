"""Synthetic corpora for the benchmark: the seed articles' real sentences, recombined.

``data/raw/*.txt`` is cut into paragraphs and sentences; each synthetic article
takes runs of consecutive sentences (keeping paragraph structure), sometimes mixes
in a sentence from elsewhere, and varies years (2015-2019), months, days, figures,
place names and the spelling of the Khmeimim air base. Article ``i`` has its own
``random.Random`` seeded from ``i``, so it is the same in every corpus size.
Corpora are written as a raw folder with a ``manifest.csv`` and cached.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import json
import random
import re
import shutil
import sys
import time
from dataclasses import dataclass
from pathlib import Path

SEED_DIR = Path(__file__).resolve().parent.parent / "data" / "raw"
#: Bump when the generator changes: cached corpora of another version are rebuilt.
GENERATOR_VERSION = "1"
SEED = 20150930
EXTRA_PREFIX = "inc_"  # the incremental build's extra articles

PUBLISHERS = ["RT", "BBC", "AP", "Reuters", "Al Jazeera"]
DOMAINS = {"RT": "rt", "BBC": "bbc", "AP": "ap", "Reuters": "reuters", "Al Jazeera": "aljazeera"}
PLACES = [
    "Aleppo",
    "Idlib",
    "Palmyra",
    "Homs",
    "Hama",
    "Raqqa",
    "Deir ez-Zor",
    "Latakia",
    "Tartus",
    "Damascus",
]
#: Spellings in the seed articles, mapped to the name in PLACES they stand for.
PLACE_SPELLINGS = {p: p for p in PLACES} | {"Deir el-Zour": "Deir ez-Zor", "Tartous": "Tartus"}
BASE_SPELLINGS = ["Khmeimim", "Hmeimim", "Hmeymim", "Hemeimeem"]
#: The rare word: a town swapped in for one place name in 1 article in 500 (2 in 1,000).
RARE_WORD, RARE_EVERY = "Qaryatayn", 500
MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
FIRST_DAY, LAST_DAY = dt.date(2015, 9, 30), dt.date(2019, 12, 31)
WORDS_MIN, WORDS_MAX = 520, 640  # the body grows past a draw from this range: ~600 words

_M = "|".join(MONTHS)
_PLACE = "|".join(re.escape(p) for p in sorted(PLACE_SPELLINGS, key=len, reverse=True))
_BASE = "|".join(("Khmeimim", "Hmeimim", "Hemeimeem"))
#: Everything the generator varies, one alternation so that no span is varied twice.
VARY = re.compile(
    rf"(?P<md>\b(?P<m1>{_M})\s(?P<d1>\d{{1,2}})\b)"
    rf"|(?P<dm>\b(?P<d2>\d{{1,2}})\s(?P<m2>{_M})\b)"
    rf"|(?P<month>\b(?:{_M})\b)"
    r"|(?P<year>\b201[5-9]\b)"
    r"|(?P<num>(?<![\w.,/-])(?:\d{1,3}(?:,\d{3})+|\d{2,})(?![\w/-]|[.,]\d))"
    rf"|(?P<place>\b(?:{_PLACE})\b)"
    rf"|(?P<base>\b(?:{_BASE})\b)"
)
#: Seed lines that are page furniture, not article text.
FURNITURE = re.compile(
    r"icon|^related topics|^read more|^media caption|^image copyright|^trends \[|by admin$"
    r"|^- ?ap$|^bbc news$|^more on|^representational|^\W|[а-яё]|^\d",
    re.I,
)
#: A sentence ends at . ! ? (and closing quotes) before a capital, digit or opening quote.
BOUNDARY = re.compile(r"""[.!?]+["'”’)]*(?=\s+["“‘'(]?[A-Z0-9])""")
ABBREVIATIONS = {"mr", "mrs", "ms", "dr", "gen", "lt", "col", "u.s", "u.n", "u.k", "st", "sept"}


def split_sentences(paragraph: str) -> list[str]:
    sentences, start = [], 0
    for match in BOUNDARY.finditer(paragraph):
        before = re.search(r"([A-Za-z.]+)\.$", paragraph[start : match.start() + 1])
        if before and (before.group(1).lower() in ABBREVIATIONS or len(before.group(1)) == 1):
            continue
        sentences.append(paragraph[start : match.end()].strip())
        start = match.end()
    tail = paragraph[start:].strip()
    if tail:
        sentences.append(tail)
    return [s for s in sentences if s]


@dataclass
class Seed:
    """The seed articles cut into reusable parts."""

    paragraphs: list[list[str]]  # body paragraphs, each a list of sentences
    sentences: list[str]
    headings: list[str]
    titles: list[str]
    digest: str


def read_seed(seed_dir: Path = SEED_DIR) -> Seed:
    titles = []
    manifest = seed_dir / "manifest.csv"
    if manifest.exists():
        with open(manifest, encoding="utf-8-sig", newline="") as handle:
            titles = [row["title"].strip() for row in csv.DictReader(handle) if row.get("title")]
    paragraphs, headings, digest = [], [], hashlib.sha256()
    for path in sorted(seed_dir.glob("*.txt")):
        data = path.read_bytes()
        digest.update(data)
        for line in data.decode("utf-8-sig").splitlines():
            line = " ".join(line.replace("\u00a0", " ").split())
            if not line or FURNITURE.search(line) or line in titles:
                continue
            words = len(line.split())
            if words >= 8 and line[-1] in '.!?"”’':
                paragraphs.append(split_sentences(line))
            elif 2 <= words <= 8 and line[-1] not in ".,:;":
                headings.append(line)
    if not paragraphs:
        sys.exit(f"bench: no article text found in {seed_dir}")
    sentences = [s for p in paragraphs for s in p]
    return Seed(
        paragraphs, sentences, sorted(set(headings)), titles or headings, digest.hexdigest()[:16]
    )


class Variation:
    """One article's choices: which year, place and base spelling stand for which."""

    def __init__(self, rng: random.Random, rare: bool = False):
        self.rng = rng
        shift = rng.randrange(5)
        self.years = {str(y): str(2015 + (y - 2015 + shift) % 5) for y in range(2015, 2020)}
        self.places = dict(zip(PLACES, rng.sample(PLACES, len(PLACES)), strict=True))
        self.base = rng.choice(BASE_SPELLINGS)
        self.rare = rare  # this article names RARE_WORD once, for a place

    def apply(self, text: str) -> str:
        return VARY.sub(self._swap, text)

    def _day(self) -> str:
        return str(self.rng.randint(1, 28))

    def _swap(self, m: re.Match) -> str:
        rng = self.rng
        if m.group("md"):
            return f"{rng.choice(MONTHS)} {self._day()}"
        if m.group("dm"):
            return f"{self._day()} {rng.choice(MONTHS)}"
        if m.group("month"):
            return rng.choice(MONTHS)
        if m.group("year"):
            return self.years[m.group("year")]
        if m.group("num"):
            return self._number(m)
        if m.group("place"):
            if self.rare:
                self.rare = False
                return f"al-{RARE_WORD}"
            return self.places[PLACE_SPELLINGS[m.group("place")]]
        return self.base

    def _number(self, m: re.Match) -> str:
        text = m.group("num")
        value = int(text.replace(",", ""))
        if 1900 <= value <= 2099 and "," not in text:
            return text  # a year outside 2015-2019 ("since 2011")
        new = self.rng.randint(max(2, value // 2), value * 3 // 2 + 1)
        zeros = len(text.replace(",", "")) - len(text.replace(",", "").rstrip("0"))
        if zeros >= 2:  # "7,000" stays round: 4,300 rather than 4,317
            new = max(10 ** (zeros - 1), round(new, -(zeros - 1)))
        if m.string[m.end() : m.end() + 8].lstrip().startswith(("percent", "per cent", "%")):
            new = min(new, 99)
        return f"{new:,}" if "," in text or new >= 10000 else str(new)


@dataclass
class Article:
    file: str
    publisher: str
    url: str
    published: str
    title: str
    text: str
    words: int


def make_article(seed: Seed, index: int, prefix: str = "") -> Article:
    """Article number ``index``: the same in every corpus size (its own seeded RNG)."""
    rng = random.Random(SEED * 1_000_003 + index)
    vary = Variation(rng, rare=index % RARE_EVERY == RARE_EVERY // 2)
    publisher = rng.choice(PUBLISHERS)
    published = FIRST_DAY + dt.timedelta(days=rng.randrange((LAST_DAY - FIRST_DAY).days + 1))
    title = vary.apply(rng.choice(seed.titles + seed.headings))
    if rng.random() < 0.5:
        title = f"{title} ({vary.places[rng.choice(PLACES)]})"
    blocks: list[str] = []
    words, goal = 0, rng.randint(WORDS_MIN, WORDS_MAX)
    while words < goal:
        if blocks and rng.random() < 0.1:
            blocks.append(vary.apply(rng.choice(seed.headings)))
        source = rng.choice(seed.paragraphs)
        take = rng.randint(1, min(4, len(source)))
        first = rng.randrange(len(source) - take + 1)
        sentences = source[first : first + take]
        if rng.random() < 0.35:  # recombine: a sentence from anywhere else
            sentences.insert(rng.randrange(len(sentences) + 1), rng.choice(seed.sentences))
        paragraph = vary.apply(" ".join(sentences))
        blocks.append(paragraph)
        words += len(paragraph.split())
    header = [title, ""]
    if rng.random() < 0.5:  # a dateline, as some publishers print one
        header += [
            f"{published.day} {published.strftime('%b')}, {published.year} "
            f"{rng.randrange(24):02d}:{rng.randrange(60):02d}",
            "",
        ]
    text = "\n".join(header) + "\n" + "\n\n".join(blocks) + "\n"
    name = f"{prefix}{index:06d}_{hashlib.sha256(text.encode()).hexdigest()[:16]}.txt"
    url = "" if rng.random() < 0.05 else f"https://{DOMAINS[publisher]}.example/news/{index}"
    return Article(name, publisher, url, published.isoformat(), title, text, len(text.split()))


MANIFEST_COLUMNS = ["file", "publisher", "url", "published", "title"]


def manifest_rows(articles) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    for a in articles:
        writer.writerow([a.file, a.publisher, a.url, a.published, a.title])
    return out.getvalue()


@dataclass
class Corpus:
    size: int
    folder: Path
    raw: Path
    manifest_bytes: bytes
    words: int
    generated_seconds: float | None  # None when reused from the cache

    @property
    def manifest(self) -> Path:
        return self.raw / "manifest.csv"


def corpus(size: int, root: Path, seed: Seed) -> Corpus:
    """The cached corpus of ``size`` articles, generated first if missing or stale."""
    folder, marker_path = root / str(size), root / str(size) / "corpus.json"
    raw = folder / "raw"
    want = {"generator": GENERATOR_VERSION, "seed": SEED, "seed_digest": seed.digest, "size": size}
    # A copy of the manifest outside raw/: a run killed between adding and removing the
    # incremental build's articles leaves the corpus reusable.
    pristine = folder / "manifest.csv.pristine"
    if marker_path.exists() and raw.is_dir():
        marker = json.loads(marker_path.read_text())
        _remove_extras(raw)
        for path in (raw / "manifest.csv", pristine):
            manifest = path.read_bytes() if path.exists() else b""
            if all(marker.get(k) == v for k, v in want.items()) and hashlib.sha256(
                manifest
            ).hexdigest() == marker.get("manifest_sha256"):
                if path == pristine:
                    (raw / "manifest.csv").write_bytes(manifest)
                elif not pristine.exists():
                    pristine.write_bytes(manifest)
                return Corpus(size, folder, raw, manifest, marker["words"], None)
    started = time.perf_counter()
    if folder.exists():
        shutil.rmtree(folder)
    raw.mkdir(parents=True)
    words, rows = 0, io.StringIO()
    rows.write(",".join(MANIFEST_COLUMNS) + "\n")
    for start in range(0, size, 1000):
        batch = [make_article(seed, i) for i in range(start, min(size, start + 1000))]
        for a in batch:
            (raw / a.file).write_text(a.text, encoding="utf-8")
            words += a.words
        rows.write(manifest_rows(batch))
    manifest = rows.getvalue().encode()
    (raw / "manifest.csv").write_bytes(manifest)
    pristine.write_bytes(manifest)
    marker_path.write_text(
        json.dumps(want | {"words": words, "manifest_sha256": hashlib.sha256(manifest).hexdigest()})
    )
    return Corpus(size, folder, raw, manifest, words, time.perf_counter() - started)


def _remove_extras(raw: Path) -> None:
    for path in raw.glob(f"{EXTRA_PREFIX}*.txt"):
        path.unlink()


def add_extras(c: Corpus, seed: Seed, count: int) -> None:
    """``count`` new articles (numbered after the corpus's own), in the folder and the manifest."""
    extras = [make_article(seed, c.size + k, EXTRA_PREFIX) for k in range(count)]
    for a in extras:
        (c.raw / a.file).write_text(a.text, encoding="utf-8")
    c.manifest.write_bytes(c.manifest_bytes + manifest_rows(extras).encode())


def remove_extras(c: Corpus) -> None:
    """Put the corpus back as generated; touch nothing that already is (a query
    command rebuilds a corpus whose raw folder is newer than it)."""
    _remove_extras(c.raw)
    if c.manifest.read_bytes() != c.manifest_bytes:
        c.manifest.write_bytes(c.manifest_bytes)

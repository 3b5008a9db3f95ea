#!/usr/bin/env python3
"""Benchmark syriacli on synthetic corpora, as whole processes, against its targets.

Run from the repository root with the project's virtualenv:

    .venv/bin/python bench/run.py                    # sizes 1000,10000
    .venv/bin/python bench/run.py --sizes 1000 --runs 5

Corpora are made by recombining the real sentences of ``data/raw/*.txt`` with
varied dates, numbers and place names (seeded, so the same size always gives the
same files), cached under ``bench/corpora/N/`` and reused. Each measure is the
median wall-clock time of separate ``syriacli`` processes; results go to
``bench/results/<timestamp>.json`` and ``bench/results/latest.json``.
See ``bench/README.md`` for what is measured and the targets.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))  # synth.py, however run.py is started
from gitinfo import git
from synth import RARE_WORD, Corpus, Seed, add_extras, corpus, read_seed, remove_extras

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
# The venv's bin folder: `python bench/run.py` with the venv's python finds its tools.
BIN = Path(sys.executable).parent
SYRIACLI = BIN / "syriacli"
SQLITE_UTILS = BIN / "sqlite-utils"

EXTRA_ARTICLES = 10  # added for the incremental build, then removed again
SEARCH_LIMIT = 20

# --- running processes ----------------------------------------------------------


@dataclass
class Run:
    seconds: float
    returncode: int
    maxrss_mb: float  # largest single process of the tree (wait4's ru_maxrss)
    tree_peak_mb: float | None  # sampled peak of the whole tree's memory, summed
    out_bytes: int = 0
    out_lines: int = 0
    stderr: str = ""


class TreeSampler(threading.Thread):
    """Samples the memory of a process and all its descendants (a build's pool workers).

    Sums PSS (shared pages split between the processes sharing them, so a fork
    pool's copy-on-write pages count once) where /proc/PID/smaps_rollup exists,
    else RSS (which counts shared pages in every process: an overestimate).
    """

    def __init__(self, pid: int, interval: float = 0.1):
        super().__init__(daemon=True)
        self.pid, self.interval, self.peak_kb = pid, interval, 0
        self.field = "Pss:" if Path(f"/proc/{os.getpid()}/smaps_rollup").exists() else "VmRSS:"
        self.stopped = threading.Event()

    def run(self):
        while not self.stopped.wait(self.interval):
            self.peak_kb = max(self.peak_kb, sum(self._kb(p) for p in self._tree()))

    def _tree(self) -> list[int]:
        parents: dict[int, list[int]] = {}
        for entry in os.listdir("/proc"):
            if not entry.isdigit():
                continue
            try:
                stat = Path(f"/proc/{entry}/stat").read_text()
            except OSError:
                continue
            ppid = int(stat[stat.rindex(")") + 2 :].split()[1])
            parents.setdefault(ppid, []).append(int(entry))
        tree, todo = [], [self.pid]
        while todo:
            pid = todo.pop()
            tree.append(pid)
            todo.extend(parents.get(pid, []))
        return tree

    def _kb(self, pid: int) -> int:
        name = "smaps_rollup" if self.field == "Pss:" else "status"
        try:
            for line in Path(f"/proc/{pid}/{name}").read_text().splitlines():
                if line.startswith(self.field):
                    return int(line.split()[1])
        except (OSError, ValueError):
            pass
        return 0


#: Bytecode cache for the measured processes. An installed syriacli has .pyc files;
#: a shell with PYTHONDONTWRITEBYTECODE=1 recompiles its modules on every call. The
#: prefix keeps the cache out of src/ (bench/ is the only folder this script writes).
PYCACHE = BENCH / "corpora" / "pycache"


def child_env(bytecode: bool = True) -> dict:
    env = {k: v for k, v in os.environ.items() if k != "SYRIACLI_DB"}
    env["NO_COLOR"] = "1"
    if bytecode:
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env["PYTHONPYCACHEPREFIX"] = str(PYCACHE)
    return env


def run(cmd: list, *, pipe: bool = False, sample: bool = False, bytecode: bool = True) -> Run:
    """Run one process to its end: wall-clock seconds, exit code, peak memory.

    ``os.wait4`` gives this child's own rusage, whose ru_maxrss covers the
    descendants it waited for (a pool's workers): no deltas of RUSAGE_CHILDREN,
    which only ever grows. ``pipe`` reads stdout through a pipe, as `| less` would.
    """
    with tempfile.TemporaryFile() as err:
        started = time.perf_counter()
        proc = subprocess.Popen(
            [str(c) for c in cmd],
            stdin=subprocess.DEVNULL,
            stderr=err,
            stdout=subprocess.PIPE if pipe else subprocess.DEVNULL,
            env=child_env(bytecode),
        )
        sampler = TreeSampler(proc.pid) if sample and sys.platform.startswith("linux") else None
        if sampler:
            sampler.start()
        out_bytes = out_lines = 0
        if proc.stdout is not None:  # piped
            while chunk := proc.stdout.read(1 << 16):
                out_bytes += len(chunk)
                out_lines += chunk.count(b"\n")
            proc.stdout.close()
        _, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - started
        proc.returncode = os.waitstatus_to_exitcode(status)
        if sampler:
            sampler.stopped.set()
            sampler.join()
        err.seek(0)
        stderr = err.read().decode("utf-8", "replace")
    # ru_maxrss is in kilobytes on Linux, bytes on macOS.
    maxrss = usage.ru_maxrss / (1024 * 1024 if sys.platform == "darwin" else 1024)
    return Run(
        seconds,
        proc.returncode,
        maxrss,
        sampler.peak_kb / 1024 if sampler else None,
        out_bytes,
        out_lines,
        stderr,
    )


class BenchError(Exception):
    pass


def checked(cmd: list, **kw) -> Run:
    result = run(cmd, **kw)
    if result.returncode != 0:
        tail = "\n".join(result.stderr.strip().splitlines()[-15:])
        raise BenchError(f"exit {result.returncode}: {' '.join(map(str, cmd))}\n{tail}")
    return result


def median(values) -> float:
    return statistics.median(values)


# --- measures and targets -------------------------------------------------------


@dataclass
class Target:
    text: str
    ok: Callable[[float], bool]
    at: int | None = None  # the corpus size the target is stated for; None: every size


TARGETS = {
    "build rate": Target(">= 300 art/s", lambda v: v >= 300),
    "incremental +10": Target("< 2 s", lambda v: v < 2, at=100_000),
    "search": Target("< 150 ms", lambda v: v < 150, at=10_000),
    "search ratio": Target("<= 1.0", lambda v: v <= 1.0),
    "timeline month": Target("< 200 ms", lambda v: v < 200, at=100_000),
    "figures": Target("< 200 ms", lambda v: v < 200, at=100_000),
    "help": Target("< 150 ms", lambda v: v < 150),
    "build memory": Target("< 500 MB", lambda v: v < 500, at=100_000),
}


@dataclass
class Measure:
    name: str
    size: int | None
    value: float
    unit: str
    target: str | None = None  # a key of TARGETS
    samples: list = field(default_factory=list)
    note: str = ""
    group: str = ""  # the measure a comparison belongs to
    sub: bool = False  # a comparison printed indented under the measure before it

    def shown(self) -> str:
        if self.unit == "ms":
            text = f"{self.value:.0f} ms"
        elif self.unit == "s":
            text = f"{self.value:.2f} s"
        elif self.unit == "art/s":
            text = f"{self.value:.0f} art/s"
        elif self.unit == "MB":
            text = f"{self.value:.0f} MB"
        else:
            text = f"{self.value:.2f}"
        return f"{text} {self.note}".strip()

    def judged(self) -> tuple[str, str]:
        """(target text, "ok" | "MISS" | "-")."""
        if not self.target:
            return "", ""
        t = TARGETS[self.target]
        if t.at is None or t.at == self.size:
            return t.text, "ok" if t.ok(self.value) else "MISS"
        return f"{t.text} @{t.at // 1000}k", "-"

    def as_json(self) -> dict:
        target, status = self.judged()
        return {
            "measure": self.name,
            "group": self.group or None,
            "size": self.size,
            "value": round(self.value, 4),
            "unit": self.unit,
            "target": target or None,
            "status": status or None,
            "note": self.note or None,
            "samples": [round(s, 4) for s in self.samples],
        }


def ms(runs: list[Run]) -> list[float]:
    return [r.seconds * 1000 for r in runs]


SEARCHES = [
    ("common", "Russia"),
    ("phrase", '"air base"'),
    ("rare", RARE_WORD),
    ("name variants", "Khmeimim"),
]


def fts_count(db: Path, query: str) -> int:
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        return conn.execute(
            "select count(*) from articles_fts where articles_fts match ?", (query,)
        ).fetchone()[0]
    finally:
        conn.close()


def load_average() -> list[float] | None:
    try:
        return [round(x, 2) for x in os.getloadavg()]
    except OSError:
        return None


def bench_size(c: Corpus, seed: Seed, args, say) -> tuple[list[Measure], dict]:
    measures: list[Measure] = []
    info: dict = {
        "articles": c.size,
        "words": c.words,
        "mean_words": round(c.words / c.size),
        "generated_seconds": c.generated_seconds and round(c.generated_seconds, 2),
        # Other work on the machine skews every figure: a load above the CPU count says so.
        "load_average_before": load_average(),
    }
    work = c.folder / "db"
    work.mkdir(exist_ok=True)
    db = work / "corpus.db"
    build_runs = args.build_runs or (1 if c.size >= 100_000 else args.runs)

    def add(name, value, unit, target=None, samples=(), note="", group="", sub=False):
        measures.append(Measure(name, c.size, value, unit, target, list(samples), note, group, sub))
        say(f"  {'  ' * sub + name:<34} {measures[-1].shown()}")

    # Full build, each into a fresh file.
    fresh = work / "full.db"
    builds: list[Run] = []
    for i in range(build_runs):
        for p in (fresh, fresh.with_name(fresh.name + ".lock")):
            p.unlink(missing_ok=True)
        builds.append(
            checked([SYRIACLI, "build", "--raw", c.raw, "--db", fresh, "--full"], sample=True)
        )
        say(f"  full build run {i + 1}: {builds[-1].seconds:.1f} s")
        if builds[-1].seconds > args.max_build_seconds:
            info["build_too_slow"] = True
            break
    os.replace(fresh, db)
    seconds = median(r.seconds for r in builds)
    add("full build", seconds, "s", samples=[r.seconds for r in builds])
    add("build rate", c.size / seconds, "art/s", "build rate")
    tree = [r.tree_peak_mb for r in builds if r.tree_peak_mb is not None]
    if tree:
        add("build memory (tree, sum PSS)", max(tree), "MB", "build memory", tree)
    add(
        "build memory (largest process)",
        max(r.maxrss_mb for r in builds),
        "MB",
        None if tree else "build memory",
        [r.maxrss_mb for r in builds],
    )
    info["db_mb"] = round(db.stat().st_size / 2**20, 1)

    # Incremental: 10 new articles, none changed; then the corpus is put back as it was.
    added, restored = [], []
    try:
        for _ in range(build_runs):
            add_extras(c, seed, EXTRA_ARTICLES)
            added.append(checked([SYRIACLI, "build", "--raw", c.raw, "--db", db]))
            remove_extras(c)
            restored.append(checked([SYRIACLI, "build", "--raw", c.raw, "--db", db]))
    finally:
        remove_extras(c)
    add(
        "incremental +10",
        median(r.seconds for r in added),
        "s",
        "incremental +10",
        [r.seconds for r in added],
    )
    add(
        "incremental -10 (put back)",
        median(r.seconds for r in restored),
        "s",
        samples=[r.seconds for r in restored],
    )
    unchanged = [
        checked([SYRIACLI, "build", "--raw", c.raw, "--db", db]) for _ in range(build_runs)
    ]
    add(
        "build, nothing changed",
        median(r.seconds for r in unchanged),
        "s",
        samples=[r.seconds for r in unchanged],
    )
    if db.stat().st_mtime < max(c.raw.stat().st_mtime, c.manifest.stat().st_mtime):
        raise BenchError(f"{db} is older than its raw folder: queries would rebuild it first")

    # Searches, alternating syriacli (A) and sqlite-utils (B) on the same database and query.
    pairs = max(5, args.runs)
    info["search_hits"] = {}
    for label, query in SEARCHES:
        a_cmd = [SYRIACLI, "search", query, "--db", db, "--format", "json", "--limit", SEARCH_LIMIT]
        b_cmd = [
            SQLITE_UTILS,
            "search",
            db,
            "articles",
            query,
            "--limit",
            SEARCH_LIMIT,
            "-c",
            "id",
            "-c",
            "title",
            "-c",
            "publisher",
            "-c",
            "published",
        ]
        checked(a_cmd), checked(b_cmd)  # warm the page cache for both
        a_runs, b_runs = [], []
        for _ in range(pairs):
            a_runs.append(checked(a_cmd))
            b_runs.append(checked(b_cmd))
        a, b = median(ms(a_runs)), median(ms(b_runs))
        hits = checked(
            [SYRIACLI, "search", query, "--db", db, "--format", "tsv", "--limit", 10**9], pipe=True
        )
        info["search_hits"][query] = {
            "syriacli": max(0, hits.out_lines - 1),
            "fts_match": fts_count(db, query),
        }
        note = f"({info['search_hits'][query]['syriacli']} hits)"
        group = f"search {label} {query}"
        add(group, a, "ms", "search", ms(a_runs), note)
        add(
            f"sqlite-utils search {query}",
            b,
            "ms",
            samples=ms(b_runs),
            note=f"({info['search_hits'][query]['fts_match']} hits)",
            group=group,
            sub=True,
        )
        add("ratio syriacli/sqlite-utils", a / b, "x", "search ratio", group=group, sub=True)
        if shutil.which("rg"):
            pattern = query.strip('"')
            rg_cmd = [shutil.which("rg"), "-c", "-i", "-F", pattern, c.raw]
            run(rg_cmd)  # rg exits 1 when nothing matches
            rg_runs = [run(rg_cmd) for _ in range(pairs)]
            add(
                f"rg -c {pattern}",
                median(ms(rg_runs)),
                "ms",
                samples=ms(rg_runs),
                group=group,
                sub=True,
            )

    # Timeline and figures.
    def timed(cmd, pipe=False):
        checked(cmd, pipe=pipe)
        runs = [checked(cmd, pipe=pipe) for _ in range(args.runs)]
        return runs

    runs = timed([SYRIACLI, "timeline", "--db", db, "--format", "tsv"], pipe=True)
    add(
        "timeline whole corpus | pipe",
        median(ms(runs)),
        "ms",
        samples=ms(runs),
        note=f"({max(0, runs[0].out_lines - 1)} rows)",
    )
    runs = timed(
        [
            SYRIACLI,
            "timeline",
            "--db",
            db,
            "--from",
            "2016-03",
            "--to",
            "2016-03",
            "--format",
            "tsv",
        ],
        pipe=True,
    )
    add(
        "timeline one month 2016-03",
        median(ms(runs)),
        "ms",
        "timeline month",
        ms(runs),
        note=f"({max(0, runs[0].out_lines - 1)} rows)",
    )
    runs = timed([SYRIACLI, "figures", "sorties", "--db", db, "--format", "tsv"], pipe=True)
    add(
        "figures sorties",
        median(ms(runs)),
        "ms",
        "figures",
        ms(runs),
        note=f"({max(0, runs[0].out_lines - 1)} rows)",
    )
    info["load_average_after"] = load_average()
    return measures, info


# --- report ---------------------------------------------------------------------


def table(measures: list[Measure]) -> str:
    rows = [("measure", "size", "value", "target", "ok/MISS")]
    for m in measures:
        target, status = m.judged()
        rows.append(
            ("  " * m.sub + m.name, f"{m.size:,}" if m.size else "-", m.shown(), target, status)
        )
    widths = [max(len(r[i]) for r in rows) for i in range(5)]
    lines = []
    for n, r in enumerate(rows):
        cells = [
            r[0].ljust(widths[0]),
            r[1].rjust(widths[1]),
            r[2].rjust(widths[2]),
            r[3].ljust(widths[3]),
            r[4],
        ]
        lines.append("  ".join(cells).rstrip())
        if n == 0:
            lines.append("  ".join("-" * w for w in widths))
    return "\n".join(lines)


def version_of(package: str) -> str | None:
    out = subprocess.run(
        [sys.executable, "-c", f"import importlib.metadata as m; print(m.version({package!r}))"],
        capture_output=True,
        text=True,
    )
    return out.stdout.strip() or None


def machine() -> dict:
    status = git("status", "--porcelain", "--", "src")  # read-only: no index refresh is written
    return {
        "platform": platform.platform(),
        "machine": platform.machine(),
        "processor": platform.processor() or None,
        "cpu_count": os.cpu_count(),
        "python": platform.python_version(),
        "python_executable": sys.executable,
        "sqlite": sqlite3.sqlite_version,
        "syriacli_commit": git("rev-parse", "HEAD"),
        "syriacli_src_dirty": bool(status) if status is not None else None,
        "syriacli": version_of("syriacli"),
        "sqlite_utils": version_of("sqlite-utils"),
        "typer": version_of("typer"),
        "ripgrep": shutil.which("rg"),
    }


def parse_args(argv=None):
    parser = argparse.ArgumentParser(description="Benchmark syriacli on synthetic corpora.")
    parser.add_argument(
        "--sizes",
        default="1000,10000",
        help="Corpus sizes in articles, comma-separated [default: 1000,10000].",
    )
    parser.add_argument(
        "--runs", type=int, default=3, help="Runs per query measure; the median is reported [3]."
    )
    parser.add_argument(
        "--build-runs",
        type=int,
        default=None,
        help="Runs per build measure [default: --runs, 1 at 100,000 articles and more].",
    )
    parser.add_argument(
        "--max-build-seconds",
        type=float,
        default=300,
        help="A full build slower than this stops its repeats and skips larger sizes [300].",
    )
    parser.add_argument(
        "--corpora", type=Path, default=BENCH / "corpora", help="Cache of generated corpora."
    )
    parser.add_argument(
        "--results", type=Path, default=BENCH / "results", help="Folder for the JSON results."
    )
    parser.add_argument(
        "--generate-only", action="store_true", help="Generate (or check) the corpora and stop."
    )
    args = parser.parse_args(argv)
    try:
        args.sizes = sorted({int(s.replace("_", "")) for s in args.sizes.split(",") if s.strip()})
    except ValueError:
        parser.error(f"--sizes: not a list of numbers: {args.sizes!r}")
    if not args.sizes or min(args.sizes) < 1 or args.runs < 1:
        parser.error("--sizes and --runs must be positive")
    return args


def main(argv=None) -> int:
    args = parse_args(argv)
    for tool in (SYRIACLI, SQLITE_UTILS):
        if not tool.exists():
            sys.exit(
                f"bench: {tool} not found; run with the project's virtualenv python"
                " (.venv/bin/python bench/run.py)"
            )

    def say(text):
        return print(text, file=sys.stderr, flush=True)

    seed = read_seed()
    say(
        f"seed: {len(seed.paragraphs)} paragraphs, {len(seed.sentences)} sentences,"
        f" {len(seed.headings)} headings"
    )
    started = dt.datetime.now()
    # Others commit while a long run goes on: the commit is read at both ends.
    commit_at_start = git("rev-parse", "HEAD")
    measures: list[Measure] = []
    sizes: dict = {}
    skipped: list[int] = []

    help_runs = max(5, args.runs)  # cheap, and near its target: more samples
    helps = [checked([SYRIACLI, "--help"]) for _ in range(help_runs + 1)][1:]
    measures.append(Measure("syriacli --help", None, median(ms(helps)), "ms", "help", ms(helps)))
    say(f"  syriacli --help {measures[-1].shown()}")
    if os.environ.get("PYTHONDONTWRITEBYTECODE"):
        # This shell's own setting: syriacli's modules compiled from source on every call.
        helps = [checked([SYRIACLI, "--help"], bytecode=False) for _ in range(help_runs + 1)][1:]
        measures.append(
            Measure(
                "--help, PYTHONDONTWRITEBYTECODE=1",
                None,
                median(ms(helps)),
                "ms",
                samples=ms(helps),
                group="syriacli --help",
                sub=True,
            )
        )
        say(f"  syriacli --help without .pyc {measures[-1].shown()}")

    for n, size in enumerate(args.sizes):
        c = corpus(size, args.corpora, seed)
        say(
            f"corpus {size:,}: {c.raw} ({c.words / size:.0f} words an article, "
            + (
                f"generated in {c.generated_seconds:.1f} s)"
                if c.generated_seconds is not None
                else "cached)"
            )
        )
        if args.generate_only:
            continue
        try:
            got, info = bench_size(c, seed, args, say)
        except BenchError as exc:
            say(f"bench: size {size:,} failed: {exc}")
            sizes[str(size)] = {"error": str(exc)}
            continue
        measures.extend(got)
        sizes[str(size)] = info
        if info.get("build_too_slow"):
            skipped = args.sizes[n + 1 :]
            if skipped:
                say(
                    f"bench: the full build of {size:,} took over {args.max_build_seconds:.0f} s; "
                    f"skipping {', '.join(f'{s:,}' for s in skipped)}"
                )
            break
    if args.generate_only:
        return 0

    print(table(measures))
    if skipped:
        print(
            f"skipped sizes (build over {args.max_build_seconds:.0f} s):"
            f" {', '.join(f'{s:,}' for s in skipped)}"
        )
    if not shutil.which("rg"):
        print("rg: not installed, no ripgrep comparison")
    info = machine()
    if commit_at_start != info["syriacli_commit"]:
        info["syriacli_commit_at_start"] = commit_at_start
        print(
            f"warning: HEAD moved during the run, {(commit_at_start or '?')[:10]} -> "
            f"{(info['syriacli_commit'] or '?')[:10]}: figures may mix versions"
        )
    result = {
        "started": started.isoformat(timespec="seconds"),
        "seconds": round((dt.datetime.now() - started).total_seconds(), 1),
        "machine": info,
        "args": {
            "sizes": args.sizes,
            "runs": args.runs,
            "build_runs": args.build_runs,
            "search_pairs": max(5, args.runs),
            "search_limit": SEARCH_LIMIT,
        },
        "sizes": sizes,
        "skipped_sizes": skipped,
        "measures": [m.as_json() for m in measures],
        "misses": [
            (f"{m.group}: " if m.group else "") + m.name + (f" @{m.size}" if m.size else "")
            for m in measures
            if m.judged()[1] == "MISS"
        ],
    }
    args.results.mkdir(parents=True, exist_ok=True)
    text = json.dumps(result, indent=2, ensure_ascii=False) + "\n"
    path = args.results / f"{started.strftime('%Y%m%dT%H%M%S')}.json"
    path.write_text(text)
    (args.results / "latest.json").write_text(text)
    say(f"results: {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

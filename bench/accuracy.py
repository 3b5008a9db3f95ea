#!/usr/bin/env python3
"""Score syriacli's extraction against hand annotations and compare with the last run.

    .venv/bin/python bench/accuracy.py                   # the seeds and ../shared/dev
    .venv/bin/python bench/accuracy.py seeds             # one set
    .venv/bin/python bench/accuracy.py --raw DIR --gold FILE [--aliases FILE] [--name NAME]
    .venv/bin/python bench/accuracy.py dev --against bench/accuracy-runs/dev-2026....json

The scoring is ../shared/tools/score_gold.py's own `score()`, imported from its file
(`--scorer`), so the numbers are the acceptance yardstick's. On top of its misses this
prints the extracted events that count against event precision. Each run is saved under
bench/accuracy-runs/ (git-ignored: miss lines quote the articles, and the dev articles are
copyrighted) and compared with the previous run of the same set: each score's change and
the miss lines gone and new.
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib.util
import json
import os
import shlex
import sys
import tempfile
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))
from gitinfo import ROOT, git  # noqa: E402  (beside this script, run or imported by path)

SHARED = ROOT.parent / "shared"
RUNS = BENCH / "accuracy-runs"
SCORER = SHARED / "tools" / "score_gold.py"


@dataclass(frozen=True)
class GoldSet:
    name: str
    raw: Path
    gold: Path
    aliases: Path


SETS = {
    "seeds": GoldSet(
        "seeds",
        ROOT / "data" / "raw",
        SHARED / "gold" / "seeds.json",
        SHARED / "gold" / "seeds-aliases.json",
    ),
    "dev": GoldSet(
        "dev", SHARED / "dev" / "raw", SHARED / "dev" / "gold.json", SHARED / "dev" / "aliases.json"
    ),
}


def load_scorer(path: Path) -> ModuleType | None:
    """score_gold.py as a module (its main() only runs as a script), or None if absent."""
    if not path.is_file():
        return None
    spec = importlib.util.spec_from_file_location("score_gold", path)
    if spec is None or spec.loader is None:
        return None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def default_cmd() -> list[str]:
    """The syriacli next to the running python (the venv's), else the one on PATH."""
    beside = Path(sys.executable).parent / "syriacli"
    return [str(beside)] if beside.exists() else ["syriacli"]


def summarize(res: dict[str, int]) -> dict[str, float | None]:
    """The summary score_gold.py's main() prints, from the counts its score() returns."""

    def ratio(a: str, b: str) -> float | None:
        return res[a] / res[b] if res[b] else None

    return {
        "event_recall": ratio("events_found", "events"),
        "event_date_accuracy": ratio("events_dated", "events"),
        "event_precision": ratio("mentions_ok", "mentions") if res["events"] else None,
        "figure_recall": ratio("figures_found", "figures"),
        "figure_exact": ratio("figures_exact", "figures"),
        "figure_by_query": ratio("figures_query", "figures"),
        "figure_precision": ratio("figs_ok", "figs_extracted") if res["figures"] else None,
        "claimant_right": ratio("claimant_ok", "figures_found"),
        "qualifier_right": ratio("qualifier_ok", "figures_found"),
        "unit_right": ratio("unit_ok", "figures_found"),
        "alias_search": ratio("alias_ok", "alias_queries"),
        "metadata_from_text": ratio("meta_ok", "meta"),
    }


def precision_misses(scorer: ModuleType, timeline: list[dict], gold: list[dict]) -> list[str]:
    """The dated mentions that score() counts against event precision, the same way it does."""
    mentions = [(t, m) for t in timeline for m in (t.get("mentions") or [t])]
    lines = []
    for a in gold:
        art = scorer.stem(a["file"])
        for t, m in mentions:
            if scorer.stem(m.get("article")) != art or not t.get("date"):
                continue
            same = [e for e in a["events"] if scorer.overlaps(e["quote"], m.get("quote"))]
            if any(t.get("date") == e["date"] for e in same):
                continue
            dates = ", ".join(sorted({e["date"] for e in same}))
            why = f" (gold dates it {dates})" if same else ""
            lines.append(
                f"event {art}: extra {t.get('date')}/{t.get('precision')}{why}"
                f" :: {str(m.get('quote'))[:70]}"
            )
    return lines


def measure(scorer: ModuleType, gs: GoldSet, cmd: list[str]) -> dict[str, Any]:
    """Build gs.raw with the CLI, score it, and return counts, summary and every miss."""
    gold = json.loads(gs.gold.read_text(encoding="utf-8"))
    aliases = json.loads(gs.aliases.read_text(encoding="utf-8")) if gs.aliases.exists() else {}
    with tempfile.TemporaryDirectory() as tmp:
        res, rows = scorer.score(gs.raw, gold, cmd, Path(tmp), aliases)
        # The corpus score() built is still there: read its timeline again for the extras.
        env = dict(os.environ, SYRIACLI_DB=str(Path(tmp) / "corpus.db"), NO_COLOR="1")
        try:
            timeline = scorer.as_json(cmd, ["timeline"], env)
        except Exception:  # score() has already listed "timeline: not available"
            timeline = []
    return {
        "set": gs.name,
        "counts": res,
        "summary": summarize(res),
        "misses": rows + precision_misses(scorer, timeline, gold),
    }


def pct(a: int, b: int) -> str:
    return f"{100.0 * a / b:5.1f}%" if b else "  n/a "


def score_lines(r: dict[str, int]) -> list[str]:
    return [
        f"events   found {pct(r['events_found'], r['events'])}"
        f"  dated right {pct(r['events_dated'], r['events'])}"
        f"  precision {pct(r['mentions_ok'], r['mentions'])} ({r['mentions']} extracted)",
        f"figures  found {pct(r['figures_found'], r['figures'])}"
        f"  all fields right {pct(r['figures_exact'], r['figures'])}"
        f"  by the user's word {pct(r['figures_query'], r['figures'])}"
        f"  precision {pct(r['figs_ok'], r['figs_extracted'])} ({r['figs_extracted']} extracted)",
        f"         of those found: claimant right {pct(r['claimant_ok'], r['figures_found'])}"
        f"  qualifier right {pct(r['qualifier_ok'], r['figures_found'])}"
        f"  unit right {pct(r['unit_ok'], r['figures_found'])}",
        f"search   name variants {pct(r['alias_ok'], r['alias_queries'])}"
        f"   metadata from text {pct(r['meta_ok'], r['meta'])}",
    ]


def diff(before: dict[str, Any], after: dict[str, Any]) -> dict[str, Any]:
    """Each score's change (None where either side has none) and the miss lines gone and new."""
    scores = {}
    for key, now in after["summary"].items():
        was = before["summary"].get(key)
        delta = now - was if now is not None and was is not None else None
        scores[key] = {"before": was, "after": now, "delta": delta}
    old, new = Counter(before["misses"]), Counter(after["misses"])
    return {
        "scores": scores,
        "gone": sorted((old - new).elements()),
        "new": sorted((new - old).elements()),
    }


def diff_lines(d: dict[str, Any]) -> list[str]:
    def fmt(v: float | None) -> str:
        return "n/a" if v is None else f"{v:.3f}"

    lines = []
    for key, s in d["scores"].items():
        if s["before"] != s["after"]:
            change = "" if s["delta"] is None else f" ({s['delta']:+.3f})"
            lines.append(f"  {key}: {fmt(s['before'])} -> {fmt(s['after'])}{change}")
    if not lines:
        lines.append("  every score unchanged")
    lines += [f"  gone: {m}" for m in d["gone"]] + [f"  new:  {m}" for m in d["new"]]
    if not d["gone"] and not d["new"]:
        lines.append("  the same misses")
    return lines


def git_state() -> tuple[str | None, bool | None]:
    """HEAD's commit and whether src/ has uncommitted changes (None, None outside git)."""

    commit, status = git("rev-parse", "HEAD"), git("status", "--porcelain", "--", "src")
    return commit, None if status is None else bool(status)


def previous_run(name: str, runs: Path) -> Path | None:
    found = sorted(runs.glob(f"{name}-*.json"))
    return found[-1] if found else None


def save(run: dict[str, Any], runs: Path) -> Path:
    runs.mkdir(parents=True, exist_ok=True)
    path = runs / f"{run['set']}-{run['timestamp'].replace(':', '').replace('-', '')}.json"
    path.write_text(json.dumps(run, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    return path


def chosen_sets(args: argparse.Namespace) -> list[GoldSet]:
    if args.raw:
        raw = Path(args.raw)
        name = args.name or (raw.resolve().parent.name if raw.name == "raw" else raw.name)
        gold = Path(args.gold) if args.gold else raw.parent / "gold.json"
        aliases = Path(args.aliases) if args.aliases else gold.parent / "aliases.json"
        return [GoldSet(name, raw, gold, aliases)]
    unknown = [s for s in args.sets if s not in SETS]
    if unknown:
        raise SystemExit(f"accuracy: unknown set {', '.join(unknown)} (known: {', '.join(SETS)})")
    return [SETS[s] for s in args.sets or SETS]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("sets", nargs="*", help=f"which sets to score (default: {' '.join(SETS)})")
    ap.add_argument("--raw", help="a folder of articles to score instead of the named sets")
    ap.add_argument("--gold", help="its gold file (default: gold.json beside the folder)")
    ap.add_argument("--aliases", help="its name-variant queries (default: aliases.json)")
    ap.add_argument("--name", help="the set's name in saved runs (default: from --raw)")
    ap.add_argument("--cmd", help="how to call the CLI (default: the venv's syriacli)")
    ap.add_argument("--scorer", default=str(SCORER), help="path of score_gold.py")
    ap.add_argument("--against", help="a saved run to compare with instead of the last one")
    ap.add_argument("--runs", default=str(RUNS), help="where runs are saved")
    ap.add_argument("--no-save", action="store_true", help="do not save this run")
    ap.add_argument("--json", action="store_true", help="print only the summaries, as JSON")
    args = ap.parse_args(argv)
    scorer = load_scorer(Path(args.scorer))
    if scorer is None:
        print(f"accuracy: no scorer at {args.scorer}; nothing to measure")
        return 0
    cmd = shlex.split(args.cmd) if args.cmd else default_cmd()
    out = sys.stderr if args.json else sys.stdout
    commit, dirty = git_state()
    summaries = {}
    for gs in chosen_sets(args):
        if not gs.raw.is_dir() or not gs.gold.is_file():
            print(f"{gs.name}: skipped, no {gs.raw if not gs.raw.is_dir() else gs.gold}", file=out)
            continue
        try:
            run = measure(scorer, gs, cmd)
        except Exception as exc:  # the CLI is missing or broke: say so plainly
            print(f"{gs.name}: could not run: {exc}", file=sys.stderr)
            return 1
        run.update(
            commit=commit,
            dirty=dirty,
            timestamp=dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
        )
        before = Path(args.against) if args.against else previous_run(gs.name, Path(args.runs))
        summaries[gs.name] = run["summary"]
        print(f"== {gs.name}: {gs.raw}", file=out)
        print("\n".join(run["misses"] + [""] + score_lines(run["counts"])), file=out)
        if before is not None and before.is_file():
            print(f"-- against {before.name}", file=out)
            old = json.loads(before.read_text(encoding="utf-8"))
            print("\n".join(diff_lines(diff(old, run))), file=out)
        if not args.no_save:
            print(f"-- saved as {save(run, Path(args.runs)).name}", file=out)
        print(file=out)
    if args.json:
        print(json.dumps(summaries))
    return 0


if __name__ == "__main__":
    sys.exit(main())

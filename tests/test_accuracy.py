"""bench/accuracy.py: its scores are score_gold.py's, and its run-to-run diff."""

import importlib.util
import json
import shlex
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest

ROOT = Path(__file__).resolve().parents[1]


def load_harness():
    spec = importlib.util.spec_from_file_location("accuracy", ROOT / "bench" / "accuracy.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["accuracy"] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


accuracy = load_harness()


def run(summary, misses):
    return {"summary": summary, "misses": misses}


def test_diff_gives_each_change_and_the_misses_gone_and_new():
    before = run(
        {"event_recall": 0.5, "figure_recall": None, "alias_search": 1.0},
        ["event a: missing", "figure b: extra", "figure b: extra"],
    )
    after = run(
        {"event_recall": 0.75, "figure_recall": 0.5, "alias_search": 1.0},
        ["figure b: extra", "event c: missing"],
    )
    d = accuracy.diff(before, after)
    assert d["scores"]["event_recall"] == {"before": 0.5, "after": 0.75, "delta": 0.25}
    assert d["scores"]["figure_recall"] == {"before": None, "after": 0.5, "delta": None}
    assert d["scores"]["alias_search"]["delta"] == 0.0
    # a miss line twice before and once after: one of them is gone
    assert d["gone"] == ["event a: missing", "figure b: extra"]
    assert d["new"] == ["event c: missing"]
    assert accuracy.diff_lines(d) == [
        "  event_recall: 0.500 -> 0.750 (+0.250)",
        "  figure_recall: n/a -> 0.500",
        "  gone: event a: missing",
        "  gone: figure b: extra",
        "  new:  event c: missing",
    ]


def test_diff_of_a_run_with_itself_is_empty():
    same = run({"event_recall": 0.5}, ["event a: missing"])
    assert accuracy.diff_lines(accuracy.diff(same, same)) == [
        "  every score unchanged",
        "  the same misses",
    ]


def _in_process(cmd, args, env, check=True):
    """score_gold.py's run(), calling the CLI in this process: the same commands, options
    and environment, without an interpreter started for each of its ~30 commands.
    score_gold.py itself, run beside it, still starts each as a user's shell would."""
    from conftest import CliRunner

    from syriacli.cli import app

    result = CliRunner().invoke(app, [str(a) for a in args], env=env)
    if check and result.exit_code != 0:
        raise RuntimeError(f"`{' '.join(args)}` exited {result.exit_code}: "
                           f"{result.stderr.strip()[-500:]}")
    return SimpleNamespace(stdout=result.stdout, stderr=result.stderr,
                           returncode=result.exit_code)


def test_seed_scores_agree_with_score_gold(monkeypatch):
    seeds = accuracy.SETS["seeds"]
    if not accuracy.SCORER.is_file() or not seeds.gold.is_file():
        pytest.skip(f"no {accuracy.SCORER} or {seeds.gold}: ../shared is absent")
    cmd = [sys.executable, "-m", "syriacli"]
    # score_gold.py scores in its own process while the harness scores here: two
    # independent runs, at the same time rather than one after the other.
    proc = subprocess.Popen(
        [
            sys.executable,
            str(accuracy.SCORER),
            "--raw",
            str(seeds.raw),
            "--gold",
            str(seeds.gold),
            "--aliases",
            str(seeds.aliases),
            "--cmd",
            shlex.join(cmd),
            "--json",
            "--quiet",
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        scorer = accuracy.load_scorer(accuracy.SCORER)
        monkeypatch.setattr(scorer, "run", _in_process)
        mine = accuracy.measure(scorer, seeds, cmd)
        out, err = proc.communicate(timeout=600)
    finally:
        proc.kill()
        proc.wait()
    assert proc.returncode == 0, err
    assert mine["summary"] == json.loads(out.splitlines()[-1])
    # every mention counted against event precision has its own miss line
    extras = [m for m in mine["misses"] if ": extra " in m and m.startswith("event ")]
    assert len(extras) == mine["counts"]["mentions"] - mine["counts"]["mentions_ok"]

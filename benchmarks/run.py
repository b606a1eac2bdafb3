"""Screening speed, candidate recall and memory: the figures in ``docs/performance.md``.

Run from the project root: ``.venv/bin/python benchmarks/run.py`` (full, writes
``benchmarks/results.json``) or ``--quick`` (small sizes, only proves it works; CI).

- watchlist: OFAC SDN 2024-05 (``../shared/eval/lists/ofac-sdn-2024-05``) plus the
  bundled lists; official list load time and Screener build time, peak RSS;
- queries: ``perf_queries.queries`` (fixed seed); names/s with 1 and 2 workers;
  single-call latency p50/p99 (each name screened once, result cache off); the same
  without the C modules (the Python bound and index lookups; the modules
  compiled with mypyc stay so), on a tenth of the queries, side by side
  (``python_baseline``); whether the screening code runs compiled (``screening_code``);
- candidate recall on a sample: hits (review or match, per entity) that scoring every
  listed name finds, against those the indexed path finds; both timed, side by side;
- scale: a synthetic list of 1,000,000 names (250,000 entities, four names each):
  build time, RSS, p99.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import resource
import sys
import time
from dataclasses import asdict, replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from perf_queries import queries, synthetic_names

from sanctionscreen.index import CandidateIndex
from sanctionscreen.matching.bound import BoundTable
from sanctionscreen.matching.similarity import word_similarity
from sanctionscreen.native import COMPILED_IN_USE
from sanctionscreen.screener import Screener
from sanctionscreen.screening.search import search
from sanctionscreen.text import words
from sanctionscreen.text.normalize import normalise
from sanctionscreen.watchlist.model import Alias, Entity, Risk, Watchlist

ROOT = Path(__file__).resolve().parent.parent
OFAC = ROOT.parent / "shared" / "eval" / "lists" / "ofac-sdn-2024-05"


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def _latencies(screener: Screener, names: list[str]) -> dict[str, float]:
    times: list[float] = []
    for name in names:
        screener.clear_caches(index=False)
        start = time.perf_counter()
        screener.screen(name)
        times.append(time.perf_counter() - start)
    return {"p50_ms": round(_percentile(times, 0.5) * 1000, 3),
            "p99_ms": round(_percentile(times, 0.99) * 1000, 3),
            "max_ms": round(max(times) * 1000, 3), "names": len(names)}


def _throughput(screener: Screener, names: list[str], workers: int) -> float:
    # Cold, as after a build: the screener's caches and the module-level ones that
    # screening fills (listed names normalised for explanations, word similarities,
    # the legal forms that name ends and beginnings were found to hold or to miss).
    screener.clear_caches()
    normalise.cache_clear()
    word_similarity.cache_clear()
    words._misspelled_at.cache_clear()
    words.legal_form_like.cache_clear()
    start = time.perf_counter()
    count = sum(1 for _ in screener.screen_many(names, workers=workers))
    return round(count / (time.perf_counter() - start), 1)


_SCREENER: Screener | None = None


def _both(name: str) -> tuple[set[tuple[str, str]], set[tuple[str, str]], float, float]:
    assert _SCREENER is not None
    start = time.perf_counter()
    found, made = search(_SCREENER._built, name, None)
    indexed = _SCREENER._result(found, None, made)
    middle = time.perf_counter()
    full = _SCREENER._screen_exhaustive(name)
    end = time.perf_counter()
    return ({(h.list, h.entity_id) for h in indexed.hits},
            {(h.list, h.entity_id) for h in full.hits}, middle - start, end - middle)


def _recall(screener: Screener, names: list[str], workers: int) -> dict[str, float]:
    global _SCREENER
    _SCREENER = screener
    with multiprocessing.get_context("fork").Pool(workers) as pool:
        rows = pool.map(_both, names, chunksize=8)
    found = sum(len(i & f) for i, f, _, _ in rows)
    wanted = sum(len(f) for _, f, _, _ in rows)
    indexed_time = sum(r[2] for r in rows)
    full_time = sum(r[3] for r in rows)
    missed = [(n, sorted(f - i)) for n, (i, f, _, _) in zip(names, rows, strict=True) if f - i]
    return {"queries": len(names), "exhaustive_hits": wanted, "indexed_found": found,
            "recall": round(found / wanted, 5) if wanted else 1.0,
            "indexed_ms_per_query": round(indexed_time / len(names) * 1000, 3),
            "exhaustive_ms_per_query": round(full_time / len(names) * 1000, 1),
            "speed_up": round(full_time / indexed_time, 1) if indexed_time else 0.0,
            "missed_examples": [f"{n!r}: {m}" for n, m in missed[:10]]}


def _python_baseline(screener: Screener, names: list[str]) -> dict[str, object]:
    """1-worker names/s and latency with the C modules and without them (the Python bound,
    the Python index lookups), same names, same run."""
    built = screener._built
    figures: dict[str, object] = {"names": len(names)}
    for label in ("C", "python"):
        if label == "python":
            screener._built = replace(
                built, bounds=BoundTable(built.words, built.weights, accelerated=False),
                index=CandidateIndex(built.words, built.weights, min_score=built.index.min_score,
                                     lean=built.index.lean, accelerated=False))
        figures[f"names_per_s_{label}"] = _throughput(screener, names, 1)
        screener.index.clear_caches()
        figures[f"latency_{label}"] = _latencies(screener, names[:1000])
    screener._built = built
    return figures


def _synthetic(count: int) -> Watchlist:
    names = synthetic_names(count)
    risk = Risk.model_construct(basis="reported", categories=["other"], designations=[],
                                note=None)
    entities = []
    for number in range(0, len(names), 4):
        primary, *rest = names[number : number + 4]
        aliases = [Alias.model_construct(name=n, kind="aka") for n in rest]
        entities.append(Entity.model_construct(
            id=f"syn-{number}", type="company", name=primary, aliases=aliases, countries=[],
            addresses=[], identifiers=[], risk=risk, summary=None, sources=[], related=[]))
    return Watchlist.model_construct(id="synthetic", title="Synthetic company names",
                                     description=None, version="1", publisher=None,
                                     source=None, source_date=None, source_hash=None,
                                     entities=entities)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="small sizes, to prove it works")
    parser.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "results.json")
    for size, full in (("queries", 100_000), ("latency", 5_000), ("recall", 2_000),
                       ("synthetic", 1_000_000)):
        parser.add_argument(f"--{size}", type=int, default=None, help=f"(full run: {full:,})")
    args = parser.parse_args(argv)
    quick = args.quick
    sizes = {"queries": 1_000 if quick else 100_000, "latency": 200 if quick else 5_000,
             "recall": 10 if quick else 2_000, "synthetic": 10_000 if quick else 1_000_000}
    sizes.update({k: v for k, v in vars(args).items() if k in sizes and v is not None})
    results: dict[str, object] = {"quick": quick, "sizes": sizes}

    from sanctionscreen.importers import load_list

    start = time.perf_counter()
    ofac = load_list(OFAC)
    results["load_list_s"] = round(time.perf_counter() - start, 2)
    start = time.perf_counter()
    screener = Screener([ofac, "bundled"])
    results["build_s"] = round(time.perf_counter() - start, 2)
    results["index"] = asdict(screener.index.stats())
    results["rss_after_build_mb"] = round(_rss_mb())
    listed = [n.name for n in screener._built.names]
    names = queries(listed, sizes["queries"])
    print(json.dumps(results), flush=True)
    results["latency"] = _latencies(screener, names[: sizes["latency"]])
    print("latency", results["latency"], flush=True)
    results["names_per_s_1_worker"] = _throughput(screener, names, 1)
    results["names_per_s_2_workers"] = _throughput(screener, names, 2)
    print("throughput", results["names_per_s_1_worker"], results["names_per_s_2_workers"],
          flush=True)
    facts = screener.stats()
    results["score_bound"] = "C" if facts.bound_in_c else "python"
    results["index_lookups"] = "C" if facts.index_in_c else "python"
    results["screening_code"] = "compiled" if COMPILED_IN_USE else "python source"
    if facts.bound_in_c and facts.index_in_c:
        results["python_baseline"] = _python_baseline(screener, names[: len(names) // 10])
        print("python baseline", results["python_baseline"], flush=True)
    results["recall"] = _recall(screener, names[-sizes["recall"]:], 2)
    print("recall", results["recall"], flush=True)
    results["peak_rss_mb"] = round(_rss_mb())
    del screener, ofac

    synthetic = _synthetic(sizes["synthetic"])
    start = time.perf_counter()
    big = Screener([synthetic])
    build = round(time.perf_counter() - start, 2)
    big_latency = _latencies(big, queries(listed, sizes["latency"], seed=7))
    results["synthetic"] = {"names": sizes["synthetic"], "build_s": build,
                            "index": asdict(big.index.stats()), "latency": big_latency,
                            "peak_rss_mb": round(_rss_mb())}
    print("synthetic", results["synthetic"], flush=True)
    if not quick:
        args.out.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(results, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Score retrieval and answers on a gold set (FORMATS.md), and write JSON, Markdown and PNG reports.

Relevance follows the coverage rule of FORMATS.md, so any gold file in that format can be scored
whatever the chunking. Ranking metrics (hit@k, MRR@10, nDCG@10) and significance tests come from
ranx; evidence recall counts each quote separately, as FORMATS.md defines it.
"""

from __future__ import annotations

import json
import re
import statistics
import time
import warnings
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .councils import display_name, variants_of
from .councils import normalise as normalise_council
from .errors import UsageError
from .eval_reports import (  # noqa: F401  (re-exported: the UI and tests use them from here)
    HEADLINE,
    _fmt,
    compare_reports,
    latest_report,
    report_markdown,
    write_chart,
    write_report,
    write_run,
)
from .records import Answer
from .stats import summary

TYPES = ("factoid", "descriptive", "paraphrase", "authority-specific", "comparative", "unanswerable")
HIT_KS = (1, 3, 5, 10)
RANKING_METRICS = [f"hit_rate@{k}" for k in HIT_KS] + ["mrr@10", "ndcg@10"]

_QUOTES = str.maketrans({"‘": "'", "’": "'", "‚": "'", "‛": "'", "“": '"', "”": '"', "„": '"', "‟": '"',
                         "–": "-", "—": "-", "‐": "-", "‑": "-", "‒": "-", "−": "-", "\u00a0": " "})


@dataclass(frozen=True)
class Evidence:
    doc: str | None
    quote: str


@dataclass(frozen=True)
class GoldItem:
    id: str
    question: str
    answers: tuple[str, ...]
    evidence: tuple[Evidence, ...]
    type: str
    authority: str | None = None

    @property
    def answerable(self) -> bool:
        return self.type != "unanswerable"


@dataclass
class QuestionResult:
    item: GoldItem
    passages: list[dict]  # FORMATS.md run-file passages, rank order
    answer: str
    abstained: bool
    latency_ms: float
    relevant_ranks: list[int] = field(default_factory=list)  # rank of the passage first covering each quote
    precision: float | None = None  # comparative questions: expected councils named / councils named


# -- gold and the coverage rule ------------------------------------------------------------------
def normalise(text: str) -> str:
    """Lower-case, unify quote characters and dashes, collapse whitespace (FORMATS.md)."""
    return re.sub(r"\s+", " ", text.translate(_QUOTES).lower()).strip()


def covers(passage_text: str, quote: str, passage_doc: str | None = None, quote_doc: str | None = None) -> bool:
    """Whether a passage covers an evidence quote: substring either way (60% length floor when the
    passage is inside the quote), and the same document where both name one."""
    if passage_doc and quote_doc and passage_doc != quote_doc:
        return False
    p, q = normalise(passage_text), normalise(quote)
    if not p or not q:
        return False
    return q in p or (p in q and len(p) >= 0.6 * len(q))


def contains_answer(answer_text: str, answers: tuple[str, ...], comparative: bool) -> float:
    """Answer containment: share of items found (comparative), else 1 if any alternative is found."""
    if not answers:
        return 0.0
    text = normalise(answer_text)
    found = [normalise(a) in text for a in answers]
    return sum(found) / len(found) if comparative else float(any(found))


def councils_on_lines(answer_text: str) -> list[str]:
    """The councils an answer names at the start of its lines ("Harrow: …", "Camden · Safeguarding: …")."""
    out = []
    for line in answer_text.splitlines():
        head, sep, _ = line.partition(": ")
        if sep and len(head) <= 120:
            name = head.split(" · ")[0].strip()
            if name and name not in out:
                out.append(name)
    return out


def comparative_precision(answer_text: str, answers: tuple[str, ...], councils: list[str]) -> float | None:
    """Of the councils an answer's lines name, the share that the gold answers expect (None when the
    gold expects no council or the answer names none). A council is known by any of its names: a gold "Hull" is
    the index's "Kingston upon Hull", "Southend" its "Southend-on-Sea", "Kingston upon Hull City Council" its formal
    name."""
    names = {form: council for council in councils for form in variants_of(council)}

    def known(text: str) -> str | None:
        return names.get(normalise_council(text)) or names.get(normalise_council(display_name(text)))

    def council_of(text: str) -> str:
        return known(text) or normalise(text)

    expected = {known(a) for a in answers} - {None}
    named = [council_of(c) for c in councils_on_lines(answer_text)]
    if not expected or not named:
        return None
    return sum(1 for c in named if c in expected) / len(named)


def load_gold(path: Path) -> list[GoldItem]:
    """Read a gold JSONL file, with a clear error naming the first malformed line."""
    path = Path(path)
    if not path.exists():
        raise UsageError(f"gold file not found: {path}")
    items: list[GoldItem] = []
    seen: set[str] = set()
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            d = json.loads(line)
            item = GoldItem(
                id=str(d["id"]),
                question=str(d["question"]),
                answers=tuple(str(a) for a in d.get("answers") or ()),
                evidence=tuple(Evidence(e.get("doc"), str(e["quote"])) for e in d.get("evidence") or ()),
                type=str(d.get("type") or ("unanswerable" if not d.get("evidence") else "factoid")),
                authority=d.get("authority"),
            )
        except (ValueError, KeyError, TypeError, AttributeError) as e:
            raise UsageError(f"{path}:{n}: not a gold item ({type(e).__name__}: {e})") from None
        if item.id in seen:
            raise UsageError(f"{path}:{n}: duplicate id {item.id!r}")
        seen.add(item.id)
        items.append(item)
    if not items:
        raise UsageError(f"{path}: no questions")
    return items


# -- running ---------------------------------------------------------------------------------------
def run_question(pipeline, item: GoldItem, retriever: str, k: int) -> QuestionResult:
    answer: Answer = pipeline.ask(item.question, k=k, retriever=retriever)
    passages = [p.to_dict() for p in answer.passages]
    result = QuestionResult(item, passages, answer.answer, answer.abstained, answer.timings_ms.get("total", 0.0))
    if item.type == "comparative" and not answer.abstained:
        result.precision = comparative_precision(answer.answer, item.answers, pipeline.councils())
    for ev in item.evidence:
        rank = next((i for i, p in enumerate(passages, 1) if covers(p["text"], ev.quote, p["doc"], ev.doc)), 0)
        result.relevant_ranks.append(rank)
    return result


def run_gold(pipeline, gold: list[GoldItem], retriever: str, k: int = 10,
             progress: Callable[[float, str], None] | None = None, show_bar: bool = False) -> list[QuestionResult]:
    from tqdm.auto import tqdm

    results = []
    for i, item in enumerate(tqdm(gold, desc=f"eval {retriever}", unit="q", disable=not show_bar)):
        results.append(run_question(pipeline, item, retriever, k))
        if progress:
            progress((i + 1) / len(gold), f"{retriever}: {i + 1}/{len(gold)}")
    return results


def ranx_pair(results: list[QuestionResult], name: str):
    """ranx Qrels and Run for the answerable questions: quotes are the relevant ids, and a
    passage takes the ids of the not-yet-credited quotes it covers (so hit and MRR follow the
    first covering passage, as FORMATS.md defines them)."""
    from ranx import Qrels, Run

    qrels, run = {}, {}
    for r in results:
        if not r.item.evidence:
            continue
        qrels[r.item.id] = {f"e{j}": 1 for j in range(len(r.item.evidence))}
        ranking: dict[str, float] = {}
        credited: set[int] = set()
        for rank, p in enumerate(r.passages, start=1):
            covered = [j for j, ev in enumerate(r.item.evidence)
                       if j not in credited and covers(p["text"], ev.quote, p["doc"], ev.doc)]
            credited.update(covered)
            # a passage covering several quotes stands for each of them, in a row at its rank
            for n, doc_id in enumerate([f"e{j}" for j in covered] or [f"p{rank}"]):
                ranking[doc_id] = 1.0 / rank - n * 1e-6
        run[r.item.id] = ranking or {"none": 0.0}
    return Qrels(qrels), Run(run, name=name)


def per_query_ranking(results: list[QuestionResult], name: str) -> dict[str, dict[str, float]]:
    """qid -> metric -> value for the answerable questions (ranx)."""
    from ranx import evaluate

    if not any(r.item.evidence for r in results):  # a set of unanswerable questions only: nothing is ranked
        return {}
    qrels, run = ranx_pair(results, name)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        scores = evaluate(qrels, run, RANKING_METRICS, return_mean=False, make_comparable=True)
    qids = list(qrels.qrels.keys())
    return {qid: {m.replace("hit_rate", "hit"): float(scores[m][i]) for m in RANKING_METRICS} for i, qid in enumerate(qids)}


def _mean(values: list[float]) -> float | None:
    return round(statistics.fmean(values), 4) if values else None


def summarise(results: list[QuestionResult], per_query: dict[str, dict[str, float]]) -> dict[str, Any]:
    """Headline metrics over a set of results."""
    answerable = [r for r in results if r.item.answerable]
    with_evidence = [r for r in answerable if r.item.evidence]
    unanswerable = [r for r in results if not r.item.answerable]
    out: dict[str, Any] = {"questions": len(results)}
    for m in ("hit@1", "hit@3", "hit@5", "hit@10", "mrr@10", "ndcg@10"):
        out[m] = _mean([per_query[r.item.id][m] for r in with_evidence if r.item.id in per_query])
    out["recall@5"] = _mean([
        sum(1 for rank in r.relevant_ranks if 0 < rank <= 5) / len(r.relevant_ranks) for r in with_evidence
    ])
    out["containment"] = _mean([
        0.0 if r.abstained else contains_answer(r.answer, r.item.answers, r.item.type == "comparative")
        for r in answerable if r.item.answers
    ])
    out["comparative_precision"] = _mean([r.precision for r in results if r.precision is not None])
    out["abstention"] = _mean([float(r.abstained) for r in unanswerable])
    out["false_abstention"] = _mean([float(r.abstained) for r in answerable])
    latencies = [r.latency_ms for r in results]
    latency = summary(latencies, digits=2)
    out["p50_ms"], out["p95_ms"] = latency["p50"], latency["p95"]
    return out


def failures(results: list[QuestionResult], limit: int = 50) -> list[dict[str, Any]]:
    """Diagnostics for questions whose evidence is not in the top 5, false abstentions, misses."""
    out = []
    for r in results:
        found = min((rank for rank in r.relevant_ranks if rank), default=0)
        problems = []
        if r.item.evidence and not 0 < found <= 5:
            problems.append("evidence not in top 5")
        if r.item.answerable and r.abstained:
            problems.append("false abstention")
        if not r.item.answerable and not r.abstained:
            problems.append("answered an unanswerable question")
        if r.item.answerable and not r.abstained and r.item.answers and contains_answer(
                r.answer, r.item.answers, r.item.type == "comparative") < 1.0:
            problems.append("answer misses expected text")
        if problems:
            out.append({
                "id": r.item.id, "type": r.item.type, "question": r.item.question, "problems": problems,
                "evidence_rank": found or "not in top 10", "answer": r.answer,
                "top3": [f"{p['authority']} · {p['section']} · {p['text'][:120]}" for p in r.passages[:3]],
            })
    return out[:limit]


def score_results(results: list[QuestionResult], name: str) -> dict[str, Any]:
    per_query = per_query_ranking(results, name)
    by_type = {t: summarise([r for r in results if r.item.type == t], per_query)
               for t in TYPES if any(r.item.type == t for r in results)}
    hit_curve = {}
    for kk in range(1, 11):
        rows = [r for r in results if r.item.evidence]
        hit_curve[kk] = _mean([float(any(0 < rank <= kk for rank in r.relevant_ranks)) for r in rows])
    return {
        "overall": summarise(results, per_query),
        "by_type": by_type,
        "hit_curve": hit_curve,
        "failures": failures(results),
        "per_query": per_query,
        "run": {r.item.id: [p["doc"] + "#" + str(p["start"]) for p in r.passages] for r in results},
    }


def evaluate_gold(pipeline, gold: list[GoldItem], retrievers: list[str], k: int = 10, gold_name: str = "",
                  progress: Callable[[float, str], None] | None = None, show_bar: bool = False
                  ) -> tuple[dict[str, Any], dict[str, list[QuestionResult]]]:
    """Run every retriever over the gold set; the report dict and the raw results."""
    report: dict[str, Any] = {
        "created": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        "gold": gold_name,
        "questions": len(gold),
        "types": {t: sum(1 for g in gold if g.type == t) for t in TYPES},
        "k": k,
        "index": {key: pipeline.data.manifest.get(key) for key in ("model", "counts", "chunker_version", "built_at")},
        "settings": {key: getattr(pipeline.settings, key) for key in (
            "fusion", "dense_weight", "statement_boost", "rating_boost", "standard_text_penalty", "abstain_threshold",
            "max_answer_sentences")},
        "rules_off": [name for name, on in vars(pipeline.settings.rules).items() if not on],
        "retrievers": {},
    }
    raw: dict[str, list[QuestionResult]] = {}
    for i, name in enumerate(retrievers):
        def sub(fraction: float, desc: str, i=i) -> None:
            if progress:
                progress((i + fraction) / len(retrievers), desc)
        raw[name] = run_gold(pipeline, gold, name, k, sub, show_bar)
        report["retrievers"][name] = score_results(raw[name], name)
    if len(retrievers) > 1:
        report["significance"] = significance({n: raw[n] for n in retrievers})
    return report, raw


def significance(runs: dict[str, list[QuestionResult]]) -> dict[str, Any]:
    """Paired Student's t-tests (ranx) between runs on MRR@10 and hit@5."""
    from ranx import compare

    pairs = [ranx_pair(results, name) for name, results in runs.items()]
    qrels = pairs[0][0]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        rep = compare(qrels, [run for _, run in pairs], ["mrr@10", "hit_rate@5"], stat_test="student",
                      max_p=0.05, make_comparable=True)
    d = rep.to_dict()
    return {name: {other: {m.replace("hit_rate", "hit"): round(p, 4) for m, p in vals.items()}
                   for other, vals in d[name]["comparisons"].items()} for name in d["model_names"]}


# -- calibration ------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Confidences:
    """How confident the answers to a gold set are with the threshold off: answered answerable
    questions (``ok``), answered unanswerable ones (``bad``), and unanswerable ones other rules refuse."""

    ok: tuple[float, ...]
    bad: tuple[float, ...]
    already: int
    answerable: int
    unanswerable: int


def answer_confidences(pipeline, gold: list[GoldItem]) -> Confidences:
    """Each gold question answered with the threshold at 0 (the other abstention rules still apply)."""
    from dataclasses import replace

    original = pipeline.settings
    pipeline.settings = replace(original, abstain_threshold=0.0)
    try:
        answers = [(g, pipeline.ask(g.question, k=original.k)) for g in gold]
    finally:
        pipeline.settings = original
    return Confidences(
        ok=tuple(sorted(a.confidence for g, a in answers if g.answerable and not a.abstained)),
        bad=tuple(sorted(a.confidence for g, a in answers if not g.answerable and not a.abstained)),
        already=sum(1 for g, a in answers if not g.answerable and a.abstained),
        answerable=sum(1 for g in gold if g.answerable), unanswerable=sum(1 for g in gold if not g.answerable))


def best_threshold(sets: list[Confidences], false_abstention_cost: float = 2.0) -> dict[str, Any]:
    """The abstention threshold that best separates answerable from unanswerable questions over the
    gold sets together: the one minimising (false abstentions x ``false_abstention_cost`` +
    unanswerable questions answered), placed midway in its gap of confidences. Refusing a question the
    reports answer costs more than answering one they don't, because the answer still cites its evidence."""
    ok = sorted(c for s in sets for c in s.ok)
    bad = sorted(c for s in sets for c in s.bad)
    best: tuple[float, float, int, int] | None = None  # cost, threshold, caught, false
    for t in sorted(set(ok + bad)) + [max(ok + bad, default=0.0) + 1e-6]:
        false = sum(1 for c in ok if c < t)
        caught = sum(1 for c in bad if c < t)
        cost = false * false_abstention_cost + (len(bad) - caught)
        if best is None or cost < best[0]:
            below = max([c for c in ok + bad if c < t], default=0.0)
            best = (cost, (below + t) / 2 if below else t / 2, caught, false)
    assert best is not None
    cost, threshold, caught, false = best
    return {"threshold": round(threshold, 3), "cost": cost,
            "unanswerable_abstained": (sum(s.already for s in sets) + caught) / max(sum(s.unanswerable for s in sets), 1),
            "false_abstention": false / max(sum(s.answerable for s in sets), 1), "lowest_answerable_confidences": ok[:5],
            "unanswerable_confidences": bad}


def threshold_cost(sets: list[Confidences], threshold: float, false_abstention_cost: float = 2.0) -> float:
    """The cost :func:`best_threshold` minimises, at a given threshold."""
    false = sum(1 for s in sets for c in s.ok if c < threshold)
    answered = sum(1 for s in sets for c in s.bad if c >= threshold)
    return false * false_abstention_cost + answered


def calibrate_threshold(pipeline, gold: list[GoldItem], false_abstention_cost: float = 2.0) -> dict[str, Any]:
    """The abstention threshold that best separates answerable from unanswerable questions of one gold set."""
    return best_threshold([answer_confidences(pipeline, gold)], false_abstention_cost)


def run_gold_eval(pipeline, gold_path: Path, retriever: str = "all", progress=None,
                  out_dir: Path | None = None, name: str | None = None) -> dict[str, Any]:
    """Evaluate on a gold file and write the reports (used by the UI); returns latest_report keys."""
    from .config import PROJECT_ROOT

    gold = load_gold(gold_path)
    retrievers = ["hybrid", "dense", "bm25"] if retriever == "all" else [retriever]
    report, _ = evaluate_gold(pipeline, gold, retrievers, gold_name=str(gold_path), progress=progress)
    paths = write_report(report, out_dir or PROJECT_ROOT / "eval" / "reports", name or Path(gold_path).stem)
    return {"json": paths["json"], "png": paths["png"], "markdown": report_markdown(report)}


def run_eval_command(settings, gold: Path, retriever: str, k: int, as_json: bool, save_run: Path | None,
                     compare: Path | None, name: str | None, out: Path, calibrate: bool = False) -> None:
    """``rag eval``: run, print the side-by-side table, write reports (and a run file)."""
    from rich.console import Console
    from rich.table import Table

    from .pipeline import Pipeline
    from .retrieve import RETRIEVERS

    if retriever != "all" and retriever not in RETRIEVERS:
        raise UsageError(f"--retriever must be dense, bm25, hybrid or all, not {retriever!r}")
    items = load_gold(gold)
    previous = None
    if compare:
        try:
            previous = json.loads(Path(compare).read_text(encoding="utf-8"))
        except (OSError, ValueError) as e:
            raise UsageError(f"cannot read report to compare with: {compare} ({e})") from None
    pipeline = Pipeline.load(settings=settings, build=True, progress=True)
    if calibrate:
        result = calibrate_threshold(pipeline, items)
        print(json.dumps(result, indent=1))
        print(f"set Settings.abstain_threshold = {result['threshold']} in rag/config.py (now {settings.abstain_threshold})")
        return
    retrievers = ["hybrid", "dense", "bm25"] if retriever == "all" else [retriever]
    report, raw = evaluate_gold(pipeline, items, retrievers, k, gold_name=str(gold), show_bar=True)
    if previous:
        report["comparison"] = compare_reports(previous, report)
    paths = write_report(report, out, name or Path(gold).stem)
    if save_run:
        write_run(raw[retrievers[0]], save_run)
    if as_json:
        print(json.dumps(report, indent=1, ensure_ascii=False))
        return
    console = Console(highlight=False)
    table = Table(title=f"{gold} · {len(items)} questions")
    table.add_column("metric")
    for n in retrievers:
        table.add_column(n, justify="right")
    for m in HEADLINE:
        table.add_row(m, *[_fmt(report["retrievers"][n]["overall"].get(m)) for n in retrievers])
    console.print(table)
    if report.get("comparison"):
        for n, comp in report["comparison"]["retrievers"].items():
            regs = comp["regressions"]
            console.print(f"{n}: " + (f"[red]regressions: {', '.join(regs)}[/red]" if regs else "no regressions")
                          + (f" (p-values {comp['p_values']})" if comp["p_values"] else ""))
    console.print(f"reports: {paths['json']}, {paths['md']}, {paths['png']}", markup=False)
    if save_run:
        console.print(f"run file: {save_run}", markup=False)

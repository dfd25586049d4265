"""Evaluation reports: comparison with an earlier report, Markdown, the chart, and the files written.

Kept apart from :mod:`rag.evaluate` (which runs and scores a gold set) so that each module has one job.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

HEADLINE = ("hit@1", "hit@3", "hit@5", "hit@10", "mrr@10", "ndcg@10", "recall@5", "containment",
            "comparative_precision", "abstention", "false_abstention", "p50_ms", "p95_ms")
#: A drop larger than this in any headline quality metric is flagged as a regression.
REGRESSION_TOLERANCE = 0.005


# -- comparing with an earlier report --------------------------------------------------------------
def compare_reports(old: dict[str, Any], new: dict[str, Any]) -> dict[str, Any]:
    """Deltas per retriever and metric, with regressions flagged, and a t-test where runs align."""
    out: dict[str, Any] = {"against": old.get("created"), "retrievers": {}}
    for name, cur in new["retrievers"].items():
        prev = old.get("retrievers", {}).get(name)
        if not prev:
            continue
        rows = {}
        for m in HEADLINE:
            a, b = prev["overall"].get(m), cur["overall"].get(m)
            if a is None or b is None:
                continue
            lower_is_better = m in ("false_abstention", "p50_ms", "p95_ms")
            delta = round(b - a, 4)
            worse = delta > REGRESSION_TOLERANCE if lower_is_better else delta < -REGRESSION_TOLERANCE
            rows[m] = {"before": a, "after": b, "delta": delta, "regression": bool(worse and not m.endswith("_ms"))}
        pvals = {}
        common = sorted(set(prev.get("per_query", {})) & set(cur.get("per_query", {})))
        if len(common) >= 5:
            from scipy.stats import ttest_rel

            for m in ("mrr@10", "hit@5"):
                xs = [prev["per_query"][q][m] for q in common]
                ys = [cur["per_query"][q][m] for q in common]
                if xs != ys:
                    pvals[m] = round(float(ttest_rel(xs, ys).pvalue), 4)
        out["retrievers"][name] = {"metrics": rows, "p_values": pvals,
                                   "regressions": [m for m, r in rows.items() if r["regression"]]}
    return out


# -- reports ---------------------------------------------------------------------------------------
def _fmt(v: Any) -> str:
    if v is None:
        return "–"
    if isinstance(v, float):
        return f"{v:.3f}" if abs(v) <= 1.0 else f"{v:.1f}"
    return str(v)


def report_markdown(report: dict[str, Any]) -> str:
    """The report as Markdown: side-by-side table, per-type table, comparison, failures."""
    names = list(report["retrievers"])
    lines = [f"# Evaluation: {report.get('name', '')}", "",
             f"Gold: `{report['gold']}` · {report['questions']} questions · k={report['k']} · {report['created']}", "",
             "| metric | " + " | ".join(names) + " |", "|---|" + "---|" * len(names)]
    for m in HEADLINE:
        lines.append(f"| {m} | " + " | ".join(_fmt(report["retrievers"][n]["overall"].get(m)) for n in names) + " |")
    main = "hybrid" if "hybrid" in names else names[0]
    lines += ["", f"## By question type ({main})", "",
              "| type | n | hit@5 | mrr@10 | containment | abstention | false abstention |", "|---|---|---|---|---|---|---|"]
    for t, s in report["retrievers"][main]["by_type"].items():
        lines.append(f"| {t} | {s['questions']} | {_fmt(s['hit@5'])} | {_fmt(s['mrr@10'])} | {_fmt(s['containment'])} | "
                     f"{_fmt(s['abstention'])} | {_fmt(s['false_abstention'])} |")
    if report.get("significance"):
        lines += ["", "## Significance (paired t-test p-values, ranx)", ""]
        for a, others in report["significance"].items():
            for b, ps in others.items():
                if a < b:
                    lines.append(f"- {a} vs {b}: " + ", ".join(f"{m} p={p}" for m, p in ps.items()))
    if report.get("comparison"):
        lines += ["", f"## Compared with the report of {report['comparison'].get('against')}", "",
                  "| retriever | metric | before | after | delta | |", "|---|---|---|---|---|---|"]
        for n, comp in report["comparison"]["retrievers"].items():
            for m, r in comp["metrics"].items():
                flag = "**regression**" if r["regression"] else ""
                lines.append(f"| {n} | {m} | {_fmt(r['before'])} | {_fmt(r['after'])} | {r['delta']:+.3f} | {flag} |")
            if comp["p_values"]:
                lines.append(f"| {n} | p-values | " + ", ".join(f"{m} {p}" for m, p in comp["p_values"].items()) + " | | | |")
    fails = report["retrievers"][main]["failures"]
    lines += ["", f"## Failures ({main}): {len(fails)}", ""]
    for f in fails:
        lines.append(f"- **{f['id']}** ({f['type']}) {f['question']} — {', '.join(f['problems'])}; "
                     f"evidence rank: {f['evidence_rank']}")
        for t in f["top3"]:
            lines.append(f"  - {t}")
    return "\n".join(lines) + "\n"


def write_chart(report: dict[str, Any], path: Path) -> None:
    """PNG: hit@k curves per retriever, and metric bars per question type."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    import numpy as np

    fig, (ax1, ax2) = plt.subplots(1, 2, figsize=(13, 4.8))
    for name, r in report["retrievers"].items():
        ks = sorted(int(k) for k in r["hit_curve"])
        ax1.plot(ks, [r["hit_curve"][k if k in r["hit_curve"] else str(k)] for k in ks], marker="o", label=name)
    ax1.set(title="hit@k (answerable questions)", xlabel="k", ylabel="hit rate", ylim=(0, 1.02))
    ax1.grid(alpha=0.3)
    ax1.legend()
    main = "hybrid" if "hybrid" in report["retrievers"] else next(iter(report["retrievers"]))
    by_type = report["retrievers"][main]["by_type"]
    types = list(by_type)
    metrics = ["hit@5", "mrr@10", "containment", "abstention"]
    x = np.arange(len(types))
    for i, m in enumerate(metrics):
        vals = [by_type[t].get(m) or 0.0 for t in types]
        ax2.bar(x + (i - 1.5) * 0.2, vals, 0.2, label=m)
    ax2.set_xticks(x, [t.replace("authority-specific", "authority") for t in types], rotation=20)
    ax2.set(title=f"by question type ({main})", ylim=(0, 1.05))
    ax2.legend(fontsize=8, loc="lower right")
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)


def write_report(report: dict[str, Any], out_dir: Path, name: str) -> dict[str, str]:
    """Write ``<name>.json``, ``.md`` and ``.png``; returns their paths."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    report["name"] = name
    paths = {"json": out_dir / f"{name}.json", "md": out_dir / f"{name}.md", "png": out_dir / f"{name}.png"}
    tmp = paths["json"].with_suffix(".json.tmp")
    tmp.write_text(json.dumps(report, indent=1, ensure_ascii=False), encoding="utf-8")
    tmp.replace(paths["json"])
    paths["md"].write_text(report_markdown(report), encoding="utf-8")
    write_chart(report, paths["png"])
    return {k: str(v) for k, v in paths.items()}


def write_run(results: list, path: Path) -> None:
    """The run file of FORMATS.md: one JSON object per question."""
    with open(path, "w", encoding="utf-8") as f:
        for r in results:
            f.write(json.dumps({"id": r.item.id, "passages": r.passages, "answer": r.answer,
                                "abstained": r.abstained, "latency_ms": round(r.latency_ms, 2)},
                               ensure_ascii=False) + "\n")


def latest_report(reports_dir: Path) -> dict[str, Any] | None:
    """The newest evaluation report in ``reports_dir`` as {"markdown", "png", "json"}, or None."""
    reports = [p for p in Path(reports_dir).glob("*.json") if not p.name.startswith("bench")]
    if not reports:
        return None
    newest = max(reports, key=lambda p: p.stat().st_mtime)
    md, png = newest.with_suffix(".md"), newest.with_suffix(".png")
    return {"json": str(newest), "markdown": md.read_text(encoding="utf-8") if md.exists() else "",
            "png": str(png) if png.exists() else None}

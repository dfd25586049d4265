"""Reports: number formatting, Markdown tables (tabulate), and the JSON and Markdown files of a run."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Iterable, Sequence

from tabulate import tabulate

from .common import Benchmark

MISSING = "–"  # shown for a value that was not measured


def fmt(value: Any) -> str:
    """A number as a report shows it: 3 significant digits below 100, whole numbers above, thousands separated."""
    if value is None:
        return MISSING
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, float):
        return f"{value:,.3g}" if abs(value) < 100 else f"{value:,.0f}"
    if isinstance(value, int):
        return f"{value:,}"
    return str(value)


def table(headers: Sequence[str], rows: Iterable[Sequence[Any]]) -> str:
    """A GitHub-flavoured Markdown table; numbers are formatted with :func:`fmt`, text is kept as is."""
    cells = [[fmt(v) for v in row] for row in rows]
    return tabulate(cells, headers=list(headers), tablefmt="github", disable_numparse=True)


def dig(data: Any, *keys: Any) -> Any:
    """``data[k1][k2]...``, or None as soon as a level is missing."""
    for key in keys:
        if not isinstance(data, dict) or key not in data:
            return None
        data = data[key]
    return data


def targets_table(targets: list[dict[str, Any]]) -> str:
    """The targets of a run with their verdicts."""
    rows = [(t["name"], t["value"], t["limit"], f"**{t['verdict']}**", t["detail"]) for t in targets]
    return table(("target", "measured", "limit", "verdict", "how"), rows)


def machine_text(report: dict[str, Any]) -> str:
    """One paragraph on the machine and its load at the start and end of the run."""
    m = report["machine"]
    return (f"{m.get('cpus')} CPUs ({m.get('cpu')}), {m.get('memtotal_gb')} GB; load average {m.get('load_average')} "
            f"at start, {report.get('load_average_after')} at the end (the machine may be shared: a load above the "
            f"CPU count inflates every wall time). The run took {report.get('seconds')} s.")


def render(report: dict[str, Any], benchmarks: list[Benchmark]) -> str:
    """The Markdown report: title, machine, targets, then each benchmark's own section."""
    parts = [f"# Benchmark: {report['suite']}", "", machine_text(report), ""]
    if report["targets"]:
        parts += ["## Targets", "", targets_table(report["targets"]), ""]
    for bench in benchmarks:
        result = report["benchmarks"].get(bench.name)
        if result is not None:
            parts += [bench.markdown(result).rstrip(), ""]
    return "\n".join(parts)


def write(report: dict[str, Any], benchmarks: list[Benchmark], out_dir: Path) -> dict[str, Path]:
    """Write ``bench-<suite>.json`` and ``.md`` into ``out_dir``; returns their paths."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    paths = {"json": out_dir / f"bench-{report['suite']}.json", "md": out_dir / f"bench-{report['suite']}.md"}
    tmp = paths["json"].with_suffix(".json.tmp")
    tmp.write_text(json.dumps(report, indent=1, ensure_ascii=False, default=str), encoding="utf-8")
    tmp.replace(paths["json"])
    paths["md"].write_text(render(report, benchmarks), encoding="utf-8")
    for bench in benchmarks:
        result = report["benchmarks"].get(bench.name)
        if bench.files and result is not None:
            for i, path in enumerate(bench.files(result, out_dir)):
                paths[f"{bench.name}_{i}"] = path
    return paths

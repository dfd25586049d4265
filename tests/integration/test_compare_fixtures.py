"""The score matrix and council comparisons on the fixture reports (real index and model)."""

from __future__ import annotations

import csv
import io
import json

import pytest
from typer.testing import CliRunner

from rag.cli import app
from rag.compare import compare_route, scores_route
from rag.config import PROJECT_ROOT
from rag.corpus import load_corpus
from rag.errors import UsageError
from rag.framework import STATEMENTS

FIXTURES = PROJECT_ROOT / "tests" / "fixtures" / "reports"
UNNAMED = "Unnamed council · Safeguarding · score 2"
#: Scores in framework order (Assessing needs … Learning), read from the fixture files' own score lines
#: (tests/fixtures/reports/README*.md); "S" marks a score listed only in the council's summary.
EXPECTED = {
    "Staffordshire": ("Requires improvement", 56, [2, 2, 3, 2, 3, 2, 2, 2, 2]),
    "Camden": ("Good", 75, [3, 3, 2, 3, 4, 3, 3, 3, 3]),
    "Lincolnshire": ("Good", 72, [3, 3, 3, 3, 3, 3, 2, 3, 3]),
    "Isles of Scilly": ("Good", 69, [3, 3, 3, 2, "3S", 3, 3, 3, 2]),
    "Rutland": ("Good", 75, [2, 3, 3, 3, 4, 3, 3, 3, 3]),
    "Nottinghamshire": (None, None, [None] * 8 + [3]),
    UNNAMED: (None, None, [None] * 6 + [2, None, None]),
}


@pytest.fixture(scope="module")
def pipeline(reports_pipeline):
    """The fixture reports indexed with the real model (shared with the other tests)."""
    return reports_pipeline


@pytest.fixture(scope="module")
def texts(pipeline):
    """Each document's text as the system reads it (extracted text for HTML)."""
    return {d.doc_id: d.text for d in load_corpus(FIXTURES).documents}


def test_matrix_matches_the_fixtures_scores(pipeline):
    m = pipeline.scores()
    assert {r.label for r in m.rows} == set(EXPECTED)
    for label, (overall, percentage, scores) in EXPECTED.items():
        row = m.row(label)
        assert (row.overall, row.percentage) == (overall, percentage), label
        got = [None if c.score is None else f"{c.score}S" if c.source == "summary" else c.score for c in row.cells]
        assert got == scores, label


def test_missing_page_shows_the_summary_score_and_its_section(pipeline, texts):
    cell = pipeline.scores().row("Isles of Scilly").cell("Partnerships and communities")
    assert (cell.source, cell.text) == ("summary", "3 (summary)")
    assert cell.ref.doc_id == "scilly_overview.txt"
    assert "Partnerships and communities" in cell.ref.quote


def test_every_score_links_to_its_section(pipeline, texts):
    for row in pipeline.scores().rows:
        refs = [(c.score, c.ref) for c in row.cells if c.score is not None]
        if row.overall_ref:
            refs.append((row.overall, row.overall_ref))
        for value, ref in refs:
            text = texts[ref.doc_id]
            assert text[ref.quote_start:ref.quote_end] == ref.quote
            assert ref.start <= ref.quote_start < ref.quote_end <= ref.end
            assert str(value) in ref.quote, (row.label, ref)
            chunk = next(c for c in pipeline.document_chunks(ref.doc_id) if c.chunk_id == ref.chunk_id)
            assert (chunk.start, chunk.end, chunk.kind) == (ref.start, ref.end, "rating")


def _check_citations(result, pipeline, texts, statement, labels):
    chunks = {c.chunk_id: c for c in pipeline.data.chunks}
    seen = 0
    for f in result.councils:
        assert f.label in labels
        for s in f.sentences:
            seen += 1
            assert texts[s.doc_id][s.start:s.end] == s.text
            chunk = chunks[s.chunk_id]
            assert (chunk.label, chunk.statement, chunk.kind, chunk.doc_id) == (f.label, statement, "finding", s.doc_id)
            assert chunk.start <= s.start < s.end <= chunk.end
    return seen


def test_compare_only_quotes_the_requested_councils_and_statement(pipeline, texts):
    result = pipeline.compare("Safeguarding", topic="waiting lists", councils=["Camden", "Staffordshire County Council"])
    assert [f.label for f in result.councils] == ["Camden", "Staffordshire"]
    assert _check_citations(result, pipeline, texts, "Safeguarding", {"Camden", "Staffordshire"}) >= 2
    assert all("wait" in f.sentences[0].text.lower() for f in result.councils)  # on topic first
    for f in result.councils:
        similarities = [s.relevance for s in f.sentences]
        assert similarities == sorted(similarities, reverse=True)


def test_compare_without_topic_gives_first_findings_in_document_order(pipeline, texts):
    result = pipeline.compare("Governance", per_council=2)
    assert result.statement == "Governance, management and sustainability" and result.topic is None
    labels = {"Staffordshire", "Camden", "Lincolnshire", "Isles of Scilly", "Rutland"}
    assert {f.label for f in result.councils} == labels
    assert _check_citations(result, pipeline, texts, result.statement, labels) == 2 * len(labels)
    for f in result.councils:
        assert [s.start for s in f.sentences] == sorted(s.start for s in f.sentences)
        assert all(s.relevance is None for s in f.sentences)


def test_standard_text_is_never_a_finding(pipeline):
    result = pipeline.compare("Safeguarding", per_council=10)
    quoted = [s.text for f in result.councils for s in f.sentences]
    assert quoted and not any(t.startswith(("I ", "We ")) for t in quoted)


def test_grouping_by_score_band(pipeline, texts):
    result = pipeline.compare("Safeguarding", topic="waiting lists")
    high = {f.label for f in result.in_band("high")}
    low = {f.label for f in result.in_band("low")}
    assert high == {"Camden", "Isles of Scilly", "Rutland"}
    assert low == {"Lincolnshire", "Staffordshire", UNNAMED}
    assert [f.band for f in result.councils] == ["high"] * 3 + ["low"] * 3  # best scores first
    only_low = pipeline.compare("Safeguarding", topic="waiting lists", band="low")
    assert {f.label for f in only_low.councils} == low and all(f.score in (1, 2) for f in only_low.councils)
    only_high = pipeline.compare("Safeguarding", band="high")
    assert {f.label for f in only_high.councils} == high and all(f.score in (3, 4) for f in only_high.councils)
    _check_citations(only_low, pipeline, texts, "Safeguarding", low)


def test_council_without_a_page_is_listed_with_a_note(pipeline):
    result = pipeline.compare("Partnerships and communities", topic="co-production")
    scilly = next(f for f in result.councils if f.label == "Isles of Scilly")
    assert (scilly.score, scilly.score_source, scilly.sentences) == (3, "summary", ())
    assert "summary" in scilly.note


def test_bad_requests_are_one_line_errors(pipeline):
    with pytest.raises(UsageError, match="unknown quality statement"):
        pipeline.compare("Parking")
    with pytest.raises(UsageError, match="no report here for 'Atlantis'"):
        pipeline.compare("Safeguarding", councils=["Atlantis"])
    with pytest.raises(UsageError, match="band must be"):
        pipeline.compare("Safeguarding", band="middle")


def test_routes_return_json(pipeline):
    scores = json.loads(json.dumps(scores_route(pipeline)))
    assert {r["label"] for r in scores["councils"]} == set(EXPECTED)
    body = {"statement": "Safeguarding", "topic": "waiting lists", "councils": ["Rutland"], "per_council": 1}
    out = json.loads(json.dumps(compare_route(pipeline, body)))
    assert [c["label"] for c in out["councils"]] == ["Rutland"] and len(out["councils"][0]["sentences"]) == 1
    assert out["markdown"].startswith("# Safeguarding")


def _cli(pipeline, *args):
    s = pipeline.settings
    result = CliRunner().invoke(app, [*args, "--seeds", str(s.documents_dir), "--index-dir", str(s.index_dir)])
    return result


def test_cli_scores_csv_and_json(pipeline):
    out = _cli(pipeline, "scores", "--format", "csv")
    assert out.exit_code == 0, out.output
    rows = list(csv.reader(io.StringIO(out.stdout)))
    assert rows[0][3:] == [s.name for s in STATEMENTS]
    scilly = next(r for r in rows if r[0] == "Isles of Scilly")
    assert scilly[1:3] == ["Good", "69"] and scilly[3 + 4] == "3 (summary)"
    out = _cli(pipeline, "scores", "--format", "json")
    assert {r["label"] for r in json.loads(out.stdout)["councils"]} == set(EXPECTED)


def test_cli_compare_prints_cited_markdown(pipeline, tmp_path, texts):
    target = tmp_path / "safeguarding.md"
    out = _cli(pipeline, "compare", "--statement", "Safeguarding", "--topic", "waiting lists",
               "--councils", "Camden,Lincolnshire", "--out", str(target))
    assert out.exit_code == 0, out.output
    md = out.stdout
    assert target.read_text(encoding="utf-8") == md
    assert md.index("### Camden (score 3)") < md.index("### Lincolnshire (score 2)") < md.index("## References")
    refs = [line for line in md.splitlines() if line[:1].isdigit() and "characters" in line]
    assert refs and all(("034_7f3a9c1e5d2b0864.txt" in r) or ("lincolnshire_safeguarding.txt" in r) for r in refs)
    assert "Staffordshire" not in md


def test_latency_benchmark_reports_each_measure(pipeline):
    from benchmarks.compare_latency import TOPICS, run

    report = run(pipeline, councils=3)
    assert report["councils"] == 3
    assert report["compare"]["n"] == len(STATEMENTS)
    assert report["compare_with_topic"]["n"] == len(STATEMENTS) * len(TOPICS)
    for key in ("scores", "compare", "compare_with_topic"):
        m = report[key]
        assert 0 < m["p50"] <= m["p95"] <= m["max"]


def test_when_a_councils_assessment_was_published_is_read_from_its_own_line(pipeline):
    answer = pipeline.ask("When did CQC publish its assessment of Camden?")
    assert not answer.abstained and answer.answer.startswith("London Borough of Camden: ") and "23 May 2025" in answer.answer
    assert answer.passages[0].chunk.kind == "published" and answer.passages[0].chunk.council == "Camden"
    other = pipeline.ask("When did CQC publish its assessment of Camden?", authorities=["Rutland"])
    assert other.abstained and "Camden" in other.answer  # the filters leave Camden out: said, not answered

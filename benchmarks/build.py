"""Index build time against its floor: bare encoding of the same texts with the same encoder.

A fresh build (which exports the ONNX query encoder once, as in any new process) and a rebuild of the
documents, timed in a fresh process, each followed by a bare encoding of the distinct texts the build embeds.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from rag.config import Settings

from .common import Benchmark, Context, elapsed_s, in_fresh_process, ratio, target
from .report import table

#: A build may take at most this many times the bare encoding of its texts (the issue's target).
TARGET_RATIO = 1.1


def index_texts(index_dir: Path) -> list[str]:
    """The distinct texts a build of ``index_dir`` embeds: context passages, then sentences."""
    from rag.glossary import Glossary
    from rag.indexer import indexed_text
    from rag.store import load_index

    data = load_index(index_dir)
    glossary = Glossary(data.manifest.get("glossary", {}))
    texts = [indexed_text(c, glossary) for c in data.chunks] + [s.text for c in data.chunks for s in c.sentences]
    return list(dict.fromkeys(texts))


def graph_in_cache(encoder) -> bool:
    """Whether the user cache already holds this model's query encoder graph (a build then links it: no export)."""
    from rag.embedding import cached_file_sha256
    from rag.query_encoder import ONNX_FILE, cache_folder

    tokenizer = Path(encoder.path or ".") / "tokenizer.json"
    tokenizer_sha = cached_file_sha256(tokenizer) if tokenizer.is_file() else ""
    return (cache_folder(encoder.weights_sha256 or encoder.model_id, tokenizer_sha, encoder.dim) / ONNX_FILE).is_file()


def measure(settings: Settings, index_dir: Path) -> dict[str, Any]:
    """Fresh build into ``index_dir``, rebuild, and two bare encodings; meant to run in a fresh process."""
    from rag.embedding import load_encoder
    from rag.indexer import build_index

    load_s, encoder = elapsed_s(load_encoder, settings.model)
    s = settings.with_overrides(index_dir=Path(index_dir))
    exported = not graph_in_cache(encoder)
    fresh_s, fresh = elapsed_s(build_index, s, encoder=encoder, progress=False)
    texts = index_texts(s.index_dir)
    bare_1, _ = elapsed_s(encoder.encode, texts, batch_size=settings.batch_size)
    rebuild_s, again = elapsed_s(build_index, s, encoder=encoder, rebuild=True, progress=False)
    bare_2, _ = elapsed_s(encoder.encode, texts, batch_size=settings.batch_size)
    entry = fresh.manifest.get("query_encoder") or {}
    return {"encoder_load_s": round(load_s, 3), "texts": len(texts),
            "encoded": {"passages": fresh.encoded_passages, "sentences": fresh.encoded_sentences},
            "bare_encoding_runs_s": [round(bare_1, 3), round(bare_2, 3)], "fresh_s": round(fresh_s, 3),
            # the entry keeps the seconds of the export that made the graph, also when this build only linked it
            "export_s": round(float(entry.get("export_seconds") or 0.0), 3) if exported else 0.0,
            "rebuild_s": round(rebuild_s, 3),
            "rebuild_encoded": again.encoded_passages + again.encoded_sentences,
            "query_encoder": {k: entry.get(k) for k in ("exporter", "max_cosine_distance", "verified_texts")}
            if entry else None}


def with_ratios(m: dict[str, Any]) -> dict[str, Any]:
    """The measurements with the mean bare encoding, the ratios to it and the two targets."""
    bare = sum(m["bare_encoding_runs_s"]) / len(m["bare_encoding_runs_s"])
    without_export = m["fresh_s"] - m["export_s"]
    out = {**m, "bare_encoding_s": round(bare, 3), "fresh_without_export_s": round(without_export, 3),
           "fresh_ratio": ratio(m["fresh_s"], bare), "fresh_without_export_ratio": ratio(without_export, bare),
           "rebuild_ratio": ratio(m["rebuild_s"], bare)}
    out["targets"] = [
        target("build_fresh_vs_bare", out["fresh_ratio"], TARGET_RATIO,
               f"fresh build {m['fresh_s']} s (incl. one-off ONNX export {m['export_s']} s) / bare encoding "
               f"{out['bare_encoding_s']} s"),
        target("build_rebuild_vs_bare", out["rebuild_ratio"], TARGET_RATIO,
               f"rebuild {m['rebuild_s']} s / bare encoding {out['bare_encoding_s']} s"),
    ]
    return out


def run(ctx: Context) -> dict[str, Any]:
    """A fresh build and a rebuild of the documents in a folder of their own, against bare encoding."""
    ctx.progress("build: fresh build, rebuild and bare encoding")
    return with_ratios(in_fresh_process(measure, ctx.settings, ctx.work_dir / "build-index"))


def markdown(r: dict[str, Any]) -> str:
    """The build section of the report."""
    rows = [(f"bare encoding of the {r['texts']} distinct texts (mean of 2)", r["bare_encoding_s"], 1),
            ("fresh build (incl. ONNX export)", r["fresh_s"], r["fresh_ratio"]),
            ("… of which one-off ONNX export + check", r["export_s"], None),
            ("fresh build without the export", r["fresh_without_export_s"], r["fresh_without_export_ratio"]),
            ("rebuild (`--rebuild`; ONNX graph linked)", r["rebuild_s"], r["rebuild_ratio"])]
    lines = ["## Index build (s)", "", table(("", "seconds", "ratio to bare encoding"), rows), "",
             f"sentence-transformers import + model load: {r['encoder_load_s']} s."]
    q = r.get("query_encoder")
    if q and q.get("max_cosine_distance") is not None:
        lines += ["", f"ONNX query encoder: {q.get('exporter')}, max cosine distance to sentence-transformers "
                      f"{q['max_cosine_distance']:.2e} over {q.get('verified_texts')} texts."]
    return "\n".join(lines)


BENCHMARK = Benchmark("build", run, markdown)

"""Read a folder of reports and its metadata file into :class:`Document` records.

Bad files (not UTF-8, binary, empty, too large, duplicates) are skipped with a warning naming
them, so that one bad file never stops the others from being indexed.
"""

from __future__ import annotations

import hashlib
import re
import sys
from dataclasses import dataclass
from pathlib import Path

from .errors import CorpusError, UsageError
from .records import Document

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

METADATA_FILE = "metadata.toml"
DOCUMENT_SUFFIXES = (".txt",)
SCORE_LINE = re.compile(r"^[ \t]*Score:?[ \t]*(\d)[ \t]*$", re.MULTILINE)


@dataclass(frozen=True)
class Corpus:
    documents: tuple[Document, ...]
    warnings: tuple[str, ...]

    def by_id(self) -> dict[str, Document]:
        return {d.doc_id: d for d in self.documents}


def sha256_text(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def parse_score(text: str) -> int | None:
    """The score given on the report's own "Score N" line, if it has one."""
    m = SCORE_LINE.search(text)
    return int(m.group(1)) if m else None


def parse_title(text: str) -> str:
    """The quality statement title: the report's first non-empty line."""
    for line in text.splitlines():
        if line.strip():
            return line.strip()
    return ""


def load_metadata(folder: Path) -> dict[str, dict]:
    path = folder / METADATA_FILE
    if not path.exists():
        return {}
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as e:
        raise CorpusError(f"{path}: not valid TOML ({e})") from None
    docs = data.get("documents", {})
    if not isinstance(docs, dict):
        raise CorpusError(f"{path}: [documents] must be a table keyed by file name")
    for name, meta in docs.items():
        problem = _metadata_problem(meta)
        if problem:
            raise CorpusError(f"{path}: documents.{name!r}: {problem}")
    return docs


def _metadata_problem(meta: object) -> str | None:
    """What is wrong with one document's metadata entry, or None."""
    if not isinstance(meta, dict):
        return "must be a table (authority, quality_statement, score)"
    for key in ("authority", "quality_statement"):
        if not isinstance(meta.get(key, ""), str):
            return f"{key} must be a string"
    score = meta.get("score")
    if score is not None and (type(score) is not int or not 1 <= score <= 4):
        return f"score must be a whole number from 1 to 4, not {score!r}"
    return None


def _read_text(path: Path, max_bytes: int) -> tuple[str | None, str | None]:
    """The file's text, or a warning saying why it is skipped."""
    try:
        size = path.stat().st_size
        raw = path.read_bytes() if 0 < size <= max_bytes else b""
    except OSError as e:
        return None, f"{path.name}: cannot be read ({e.strerror}), skipped"
    if size == 0:
        return None, f"{path.name}: empty file, skipped"
    if size > max_bytes:
        return None, f"{path.name}: {size:,} bytes is over the {max_bytes:,}-byte limit, skipped"
    if b"\x00" in raw:
        return None, f"{path.name}: looks binary (contains NUL bytes), skipped"
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        return None, f"{path.name}: not UTF-8 ({e.reason} at byte {e.start}), skipped"
    if not text.strip():
        return None, f"{path.name}: only whitespace, skipped"
    return text, None


def load_corpus(folder: Path, max_document_bytes: int = 5_000_000) -> Corpus:
    """All readable documents in ``folder`` with their metadata, plus per-file warnings."""
    folder = Path(folder)
    if not folder.is_dir():
        raise UsageError(f"documents folder not found: {folder}")
    metadata = load_metadata(folder)
    paths = sorted(p for p in folder.iterdir() if p.is_file() and p.suffix.lower() in DOCUMENT_SUFFIXES)
    if not paths:
        raise UsageError(f"no documents (*.txt) in {folder}")

    documents: list[Document] = []
    warnings: list[str] = []
    seen_hashes: dict[str, str] = {}
    for path in paths:
        text, warning = _read_text(path, max_document_bytes)
        if warning:
            warnings.append(warning)
            continue
        assert text is not None
        digest = sha256_text(text)
        if digest in seen_hashes:
            warnings.append(f"{path.name}: same content as {seen_hashes[digest]}, skipped")
            continue
        seen_hashes[digest] = path.name
        documents.append(_document(path.name, text, digest, metadata.get(path.name, {})))
    if not documents:
        raise UsageError(f"no readable documents in {folder}: " + "; ".join(warnings))
    unknown = sorted(set(metadata) - {p.name for p in paths})
    warnings.extend(f"{METADATA_FILE}: no document named {name}" for name in unknown)
    return Corpus(tuple(documents), tuple(warnings))


def _document(doc_id: str, text: str, digest: str, meta: dict) -> Document:
    parsed_score = parse_score(text)
    meta_score = meta.get("score")
    if meta_score is not None and parsed_score is not None and int(meta_score) != parsed_score:
        raise CorpusError(
            f"{doc_id}: metadata says score {meta_score} but the report's Score line says {parsed_score}; "
            f"fix {METADATA_FILE}"
        )
    authority = (meta.get("authority") or "").strip() or None
    return Document(
        doc_id=doc_id,
        text=text,
        authority=authority,
        quality_statement=(meta.get("quality_statement") or "").strip() or parse_title(text),
        score=int(meta_score) if meta_score is not None else parsed_score,
        sha256=digest,
    )

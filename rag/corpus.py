"""Read a documents folder into :class:`Document` records: text, council, sections, scores.

Metadata comes from the reports themselves (see :mod:`rag.metadata`); ``metadata.toml`` is an optional
override for what a report leaves open. Bad files (unsupported, unreadable, binary, not UTF-8, empty,
too large, duplicates, links leading out of the folder, undecodable names) are skipped with a warning
naming them, so that one bad file never stops the others from being indexed.
"""

from __future__ import annotations

import hashlib
import os
import re
import stat
import sys
from dataclasses import dataclass
from pathlib import Path

from .consistency import shown_name
from .councils import formal_name_in
from .errors import CorpusError, UsageError
from .layout import blocks
from .metadata import MetadataConflict, apply_override, read_metadata
from .read import READERS, UnreadableDocument, read_document
from .records import Document

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

METADATA_FILE = "metadata.toml"
#: metadata.toml larger than this is refused (it holds a few lines per document).
METADATA_MAX_BYTES = 1_000_000


@dataclass(frozen=True)
class Corpus:
    documents: tuple[Document, ...]
    warnings: tuple[str, ...]

    def by_id(self) -> dict[str, Document]:
        return {d.doc_id: d for d in self.documents}


def sha256_text(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _read_limited(path: Path, limit: int) -> bytes:
    """At most ``limit`` + 1 bytes of a regular file (so that an endless device cannot hang us)."""
    with open(path, "rb") as f:
        return f.read(limit + 1)


def load_metadata(folder: Path) -> dict[str, dict]:
    """The ``[documents]`` table of metadata.toml (empty when there is none), validated."""
    path = folder / METADATA_FILE
    if not os.path.lexists(path):
        return {}
    try:
        st = os.stat(path)
        if not stat.S_ISREG(st.st_mode):
            raise CorpusError(f"{path}: not a regular file")
        raw = _read_limited(path, METADATA_MAX_BYTES)
        if len(raw) > METADATA_MAX_BYTES:
            raise CorpusError(f"{path}: larger than {METADATA_MAX_BYTES:,} bytes")
        data = tomllib.loads(raw.decode("utf-8"))
    except OSError as e:
        raise CorpusError(f"{path}: cannot be read ({e.strerror})") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError, RecursionError) as e:
        raise CorpusError(f"{path}: not valid TOML ({str(e).splitlines()[0][:200] if str(e) else type(e).__name__})") from None
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
        return "must be a table (council, statement, score)"
    for key in ("authority", "council", "quality_statement", "statement"):
        if not isinstance(meta.get(key, ""), str):
            return f"{key} must be a string"
    for key in ("score", "rating"):
        score = meta.get(key)
        if score is not None and (type(score) is not int or not 1 <= score <= 4):
            return f"{key} must be a whole number from 1 to 4, not {score!r}"
    return None


#: Notes about a folder that sit beside its reports ("README.md"): not reports, never indexed.
FOLDER_NOTES = re.compile(r"(readme|license|licence|changelog|contributing)(\.[a-z]+)?", re.IGNORECASE)


def is_folder_note(name: str) -> bool:
    """Whether a file is a note about the folder (README.md, LICENSE.txt), not a report."""
    return bool(FOLDER_NOTES.fullmatch(name))


def _candidates(folder: Path) -> tuple[list[Path], list[str]]:
    """Document files of the folder, and warnings for entries skipped before reading."""
    paths, warnings = [], []
    root = folder.resolve()
    for entry in sorted(os.scandir(folder), key=lambda e: os.fsencode(e.name)):
        name = entry.name
        suffix = Path(name).suffix.lower()
        if suffix not in READERS or is_folder_note(name):
            continue
        if any(0xDC80 <= ord(ch) <= 0xDCFF for ch in name):  # bytes that are not UTF-8, kept by the OS layer
            warnings.append(f"{shown_name(name)}: the file name is not valid text, skipped")
            continue
        path = Path(entry.path)
        if entry.is_symlink():
            target = path.resolve()
            if not target.is_relative_to(root):
                warnings.append(f"{name}: a link to a file outside the documents folder, skipped")
                continue
        try:
            if not stat.S_ISREG(os.stat(path).st_mode):
                warnings.append(f"{name}: not a regular file, skipped")
                continue
        except OSError as e:
            warnings.append(f"{name}: cannot be read ({e.strerror}), skipped")
            continue
        paths.append(path)
    return paths, warnings


def _read(path: Path, max_bytes: int) -> tuple[str | None, str, str | None]:
    """(text, format, None) of a file, or (None, "", warning saying why it is skipped)."""
    try:
        size = path.stat().st_size
        if size == 0:
            return None, "", f"{path.name}: empty file, skipped"
        if size > max_bytes:
            return None, "", f"{path.name}: {size:,} bytes is over the {max_bytes:,}-byte limit, skipped"
        raw = _read_limited(path, max_bytes)
    except OSError as e:
        return None, "", f"{path.name}: cannot be read ({e.strerror}), skipped"
    try:
        text, fmt = read_document(path, raw)
    except UnreadableDocument as e:
        return None, "", f"{path.name}: {e}, skipped"
    return text, fmt, None


def load_corpus(folder: Path, max_document_bytes: int = 5_000_000) -> Corpus:
    """All readable documents in ``folder`` with their metadata, plus per-file warnings."""
    folder = Path(folder)
    if not folder.is_dir():
        raise UsageError(f"documents folder not found: {folder}")
    overrides = load_metadata(folder)
    paths, warnings = _candidates(folder)
    if not paths and not warnings:
        raise UsageError(f"no documents ({', '.join('*' + s for s in READERS)}) in {folder}")
    documents: list[Document] = []
    seen: dict[str, str] = {}
    for path in paths:
        text, fmt, warning = _read(path, max_document_bytes)
        if warning:
            warnings.append(warning)
            continue
        digest = sha256_text(text)
        if digest in seen:
            warnings.append(f"{path.name}: same content as {seen[digest]}, skipped")
            continue
        seen[digest] = path.name
        documents.append(make_document(path.name, text, digest, fmt, overrides.get(path.name, {})))
    if not documents:
        raise UsageError(f"no readable documents in {folder}: " + "; ".join(warnings))
    unknown = sorted(set(overrides) - {p.name for p in paths})
    warnings.extend(f"{METADATA_FILE}: no document named {name}" for name in unknown)
    return Corpus(tuple(documents), tuple(warnings))


def make_document(doc_id: str, text: str, digest: str, fmt: str = "txt", override: dict | None = None) -> Document:
    """A :class:`Document` with the metadata read from its text (and ``override`` applied)."""
    meta = read_metadata(blocks(text), text)
    if override:
        try:
            meta = apply_override(meta, override)
        except MetadataConflict as e:
            raise CorpusError(f"{doc_id}: {METADATA_FILE} says {e}; fix {METADATA_FILE}") from None
    return Document(doc_id=doc_id, text=text, council=meta.council, sections=meta.sections, sha256=digest,
                    published=meta.published, format=fmt, formal_name=formal_name_in(text, meta.council))


def describe(corpus: Corpus) -> list[str]:
    """One line per council: what was read (statements with scores, overview, summary)."""
    by_council: dict[str, list[str]] = {}
    for d in corpus.documents:
        name = d.council or "Unnamed council"
        for s in d.sections:
            by_council.setdefault(name, []).append(s.describe())
    return [f"{name}: {len(parts)} section(s): " + ", ".join(parts) for name, parts in sorted(by_council.items())]

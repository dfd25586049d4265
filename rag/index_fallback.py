"""Answering from the existing index when the documents folder cannot be read or used."""

from __future__ import annotations

import sys

from .config import Settings
from .consistency import shown_name
from .embedding import resolve_model
from .errors import CorpusError, IndexStateError, RagError
from .indexer import BuildReport, stale_reason
from .safe_text import terminal_safe
from .store import load_index


def describe_error(error: Exception) -> str:
    """An error in one line: the tool's own message, else the error's kind and what it concerns."""
    if isinstance(error, RagError):
        return str(error)
    if isinstance(error, OSError):
        return f"{error.strerror or type(error).__name__}: {shown_name(str(error.filename or ''))}".rstrip(": ")
    return f"{type(error).__name__}: {shown_name(str(error))}"


def fall_back_to_index(settings: Settings, error: Exception, progress: bool, loaded: list | None) -> BuildReport:
    """The intact live index, used with one warning because the documents could not be; else ``error`` again
    (as a one-line :class:`CorpusError` when it is not one of the tool's own errors).

    The warning is printed to stderr with ``progress`` and is always in the report's ``warnings``; the
    index is appended to ``loaded`` when given."""
    try:
        data = load_index(settings.index_dir)
        if stale_reason(data.manifest, None, resolve_model(settings.model)[0]) is not None:
            raise IndexStateError("the index was built with another model")
    except IndexStateError:
        if isinstance(error, RagError):
            raise error from None
        raise CorpusError(f"cannot read the documents in {settings.documents_dir}: {describe_error(error)}") from None
    warning = (f"cannot use the documents in {settings.documents_dir} ({describe_error(error)}); answering from the "
               f"existing index built {data.manifest.get('built_at', 'earlier')}")
    if progress:
        print(f"warning: {terminal_safe(warning, single_line=True)}", file=sys.stderr)
    if loaded is not None:
        loaded.append(data)
    return BuildReport(data.manifest, False, 0, 0, 0, (warning,), 0.0)

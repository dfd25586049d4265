"""Errors the user can act on: each carries a one-line message (and the fix, where there is one)."""

from __future__ import annotations


class RagError(Exception):
    """Base class; the CLI prints the message on one line and exits with ``exit_code``."""

    exit_code = 1


class UsageError(RagError):
    """Bad input from the user (empty question, missing folder...)."""

    exit_code = 2


class CorpusError(RagError):
    """The documents or their metadata cannot be used as they are."""


class IndexStateError(RagError):
    """The index on disk is missing, damaged, or does not match the model or documents."""


class ModelError(RagError):
    """The embedding model cannot be loaded or fails its integrity check."""

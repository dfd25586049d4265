"""The JSON API's request and response models, with the input limits they enforce (pydantic)."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from .config import Settings

#: Characters a question may have beyond Settings.max_question_chars (the pipeline trims to that and says
#: so in a notice; anything much longer is refused outright).
QUESTION_MARGIN = 200
MAX_QUESTION = Settings.__dataclass_fields__["max_question_chars"].default + QUESTION_MARGIN
MAX_HISTORY = 8  # earlier questions accepted with a follow-up (the pipeline looks at the last few)
MAX_K = 100
MAX_NAME = 200  # a council, section or statement name
MAX_COUNCILS = 20
MAX_DOC_ID = 255
INTERNAL_ERROR = "something went wrong on the server; the details are in its log"

Name = Annotated[str, StringConstraints(min_length=1, max_length=MAX_NAME)]
HistoryItem = Annotated[str, StringConstraints(max_length=MAX_QUESTION)]


class AskFilters(BaseModel):
    """What narrows the search (all optional)."""

    model_config = ConfigDict(extra="forbid")
    councils: list[Name] = Field(default_factory=list, max_length=MAX_COUNCILS, description="Council names or labels.")
    section: Name | None = Field(None, description="A section heading, as listed by /api/documents.")
    statement: Name | None = Field(None, description="A CQC quality statement.")
    score: int | None = Field(None, ge=1, le=4, description="Only statements with this CQC score (1-4).")


class AskRequest(BaseModel):
    """A question, with optional filters and the earlier questions of the conversation."""

    model_config = ConfigDict(extra="forbid")
    question: str = Field(min_length=1, max_length=MAX_QUESTION, description="The question, in plain English.")
    k: int = Field(5, ge=1, le=MAX_K, description="Passages to retrieve.")
    filters: AskFilters = Field(default_factory=AskFilters)
    retriever: Literal["hybrid", "dense", "bm25"] | None = Field(None, description="Default: hybrid.")
    history: list[HistoryItem] = Field(default_factory=list, max_length=MAX_HISTORY,
                                       description="Earlier questions, oldest first (for follow-ups).")


class CompareRequest(BaseModel):
    """Councils' findings on one quality statement side by side (optionally on a topic, or by score band)."""

    model_config = ConfigDict(extra="forbid")
    statement: str = Field(min_length=1, max_length=200, description="A quality statement, e.g. Safeguarding.")
    topic: str | None = Field(None, max_length=200, description="Rank sentences by similarity to this topic.")
    councils: list[Annotated[str, StringConstraints(max_length=200)]] = Field(default_factory=list, max_length=50)
    band: Literal["all", "high", "low"] = Field("all", description="high: councils scoring 3-4; low: 1-2.")
    per_council: int = Field(3, ge=1, le=10, description="Sentences per council.")


class ErrorBody(BaseModel):
    """Every 4xx/5xx body: one line saying what was wrong."""

    error: str


class SectionInfo(BaseModel):
    kind: str
    statement: str | None = None
    theme: str | None = None
    rating: int | None = None
    start: int
    end: int


class DocumentSummary(BaseModel):
    id: str
    council: str | None
    format: str
    published: str | None
    sha256: str
    chars: int
    sections: list[SectionInfo]


class DocumentFull(DocumentSummary):
    text: str


class DocumentList(BaseModel):
    build: str
    documents: list[DocumentSummary]


class Health(BaseModel):
    status: Literal["ok", "stale"]
    build: str
    built_at: str | None
    documents: int
    passages: int
    model: str
    query_encoder: str
    stale: str | None
    workers: int
    pending: int
    capacity: int

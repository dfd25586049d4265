"""Split a gold set whose questions use two documents folders into one gold file per folder, so that
each part can be scored with ``rag eval --seeds FOLDER``.

A question goes with the folder holding all its evidence documents; an unanswerable question (no
evidence) goes with the folder whose reports cover the council it names, else with the last folder.

    python eval/split_gold.py eval/heldout2.jsonl seeds tests/fixtures/heldout-reports --out /tmp/split
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from rag.corpus import load_corpus


def split(gold: Path, folders: list[Path]) -> dict[Path, list[str]]:
    """Gold lines by documents folder."""
    documents = {folder: load_corpus(folder).documents for folder in folders}
    docs = {folder: {d.doc_id for d in documents[folder]} for folder in folders}
    councils = {folder: {(d.council or "").casefold() for d in documents[folder]} for folder in folders}
    out: dict[Path, list[str]] = {folder: [] for folder in folders}
    for line in gold.read_text(encoding="utf-8").splitlines():
        g = json.loads(line)
        wanted = {e["doc"] for e in g["evidence"]}
        named = (g.get("authority") or "").casefold()
        home = next((f for f in folders if wanted and wanted <= docs[f]), None) if wanted else \
            next((f for f in folders if named and named in councils[f]), folders[-1])
        if home is None:
            raise SystemExit(f"{g['id']}: evidence documents are not all in one folder")
        out[home].append(line + "\n")
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("gold", type=Path)
    parser.add_argument("folders", type=Path, nargs="+")
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    for folder, lines in split(args.gold, args.folders).items():
        path = args.out / f"{args.gold.stem}-{folder.name}.jsonl"
        path.write_text("".join(lines), encoding="utf-8")
        print(f"{path}: {len(lines)} questions ({folder})")


if __name__ == "__main__":
    main()

"""Answer lines headed by each council's name as its reports write it in full: "Leicester City Council", not the
index's short "Leicester", so that the name a reader finds on the line is the one the report itself uses (and
the short name is still there inside it)."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping


def _folded(text: str) -> str:
    return " ".join(text.split()).casefold()


def formal_names(documents: Mapping[str, Mapping]) -> dict[str, str]:
    """Council → the formal name its documents give most often (the longer on a tie), from the index manifest's
    document entries; only a formal name that holds the short one ("London Borough of Camden" for "Camden",
    not "BCP Council" for "Bournemouth, Christchurch and Poole"), so that a line headed by it still shows both."""
    counts: dict[str, Counter] = {}
    for entry in documents.values():
        council, formal = entry.get("council"), entry.get("formal_name")
        if council and formal and _folded(council) in _folded(formal):
            counts.setdefault(council, Counter())[formal] += 1
    return {council: max(seen, key=lambda f: (seen[f], len(f))) for council, seen in counts.items()}


def named_formally(text: str, names: Mapping[str, str]) -> str:
    """``text`` with each line a council's short name heads ("Camden: …", "Camden · Safeguarding: …") headed by
    the council's formal name instead."""
    if not names:
        return text
    heads = re.compile("^(" + "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True)) + r")(?=: | · )",
                       re.MULTILINE)
    return heads.sub(lambda m: names[m.group(1)], text)


#: A council called by the title words of its formal name ("the Royal Borough", "the Metropolitan Borough").
_TITLED = re.compile(r"\bthe\s+((?:[A-Z][a-z]+\s+){1,2}(?:Borough|County|City|District|Council))\b")


def titled_council(question: str, names: Mapping[str, str]) -> tuple[str, tuple[int, int]] | None:
    """The council a question calls by the title words of its formal name ("Did the Royal Borough overspend?" when one
    council's reports call it the "Royal Borough of Kensington and Chelsea"), and the span of "the …" in the
    question: only when no other council's formal name holds those words."""
    for m in _TITLED.finditer(question):
        title = m.group(1)
        holders = [council for council, formal in names.items()
                   if re.search(rf"\b{re.escape(title)}\b", formal) and title.casefold() not in council.casefold()]
        if len(holders) == 1:
            return holders[0], m.span()
    return None

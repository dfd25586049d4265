"""Text made safe to show on a terminal: no escape sequences, control characters or direction overrides.

Documents, their file names and their metadata are untrusted: without this, a report could clear the
screen, retitle the window, move the cursor or reorder a line and so forge what the tool appears to say.
"""

from __future__ import annotations

import re

#: ESC- and C1-introduced sequences: CSI (colours, cursor moves), OSC (titles, links), DCS/SOS/PM/APC
#: strings up to their terminator, and the two-character ESC sequences (reset, charset switches...).
_ESCAPE_SEQUENCE = re.compile(
    r"(?:\x1b\[|\x9b)[\x30-\x3f]*[\x20-\x2f]*[\x40-\x7e]?"
    r"|(?:\x1b[\]PX^_]|[\x9d\x90\x98\x9e\x9f])[^\x07\x1b\x9c\n]*(?:\x07|\x1b\\|\x9c)?"
    r"|\x1b[\x20-\x2f]*[\x30-\x7e]?"
)
#: Control characters left after that (C0 but tab and newline, DEL, C1), bidirectional embeddings,
#: overrides and isolates.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
#: Lone surrogates: undecodable file-name bytes, which stdout cannot encode; shown as U+FFFD.
_SURROGATE = re.compile("[\ud800-\udfff]")
#: Characters a terminal treats as a line break (besides ``\n``), and tab.
_LINE_BREAKS = re.compile("[\n\t\x0b\x0c\r\x85\u2028\u2029]")
#: What may not appear raw in printed JSON: the same controls and separators, escaped instead.
_JSON_UNSAFE = re.compile("[\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029\ud800-\udfff]")


def terminal_safe(text: object, single_line: bool = False) -> str:
    """``text`` without escape sequences and control characters; with ``single_line``, breaks become spaces."""
    s = str(text)
    if single_line:
        s = _LINE_BREAKS.sub(" ", s)
    return _SURROGATE.sub("\ufffd", _CONTROL.sub("", _ESCAPE_SEQUENCE.sub("", s)))


def json_terminal_safe(text: str) -> str:
    """JSON text with controls and separators written as ``\\uXXXX`` escapes: the same value, safe to print.

    ``json.dumps`` already escapes C0 controls; these other characters can only occur inside strings."""
    return _JSON_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)

"""``rag chat``: questions typed at a terminal prompt, answered in turn with the conversation kept, so
an elliptical follow-up ("and Ealing?", "why?") is read from the turn before, as in the chat UI.

A line that is empty or only spaces is ignored; ``/new`` starts a new conversation; ``/quit``,
``/exit`` or end of input (Ctrl-D) leaves. A question the pipeline refuses (too long, empty after
cleaning) gets its one-line reason and the chat goes on.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from .errors import RagError
from .records import Answer

#: Words that end the chat, and the one that starts a new conversation.
QUIT = ("/quit", "/exit", "/q")
NEW = "/new"
PROMPT = "you> "


@dataclass
class Conversation:
    """The questions asked so far (as the pipeline read them), the history of the next turn."""

    turns: list[str] = field(default_factory=list)
    limit: int = 20

    def add(self, question: str, answer: Answer) -> None:
        """Keep a turn: the question as read ("What score did Ealing get?"), not as typed ("and Ealing?")."""
        self.turns = [*self.turns, answer.read_as or question][-self.limit :]


def run_chat(ask: Callable[[str, list[str]], Answer], lines: Iterable[str], show: Callable[[Answer], None],
             say: Callable[[str], None]) -> int:
    """Answer each line of ``lines`` with ``ask(question, history)`` and ``show`` the answer; ``say``
    prints the chat's own messages. Returns the number of questions answered."""
    conversation = Conversation()
    answered = 0
    for raw in lines:
        line = raw.strip()
        if not line:
            continue
        if line.casefold() in QUIT:
            break
        if line.casefold() == NEW:
            conversation = Conversation()
            say("new conversation")
            continue
        try:
            answer = ask(line, list(conversation.turns))
        except RagError as e:
            say(f"error: {e}")
            continue
        show(answer)
        conversation.add(line, answer)
        answered += 1
    return answered


def prompt_lines(prompt: str = PROMPT) -> Iterable[str]:
    """Lines typed at a prompt, until end of input or Ctrl-C."""
    while True:
        try:
            yield input(prompt)
        except (EOFError, KeyboardInterrupt):
            print()
            return

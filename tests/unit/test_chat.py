"""The terminal chat: turns answered in order with the conversation kept, commands, and errors."""

from rag.chat import run_chat
from rag.errors import UsageError


def test_follow_ups_get_the_questions_before_them_as_read(fixture_pipeline):
    shown, said = [], []
    asked = run_chat(lambda q, h: fixture_pipeline.ask(q, history=h),
                     ["What did Camden score for safeguarding?", "  ", "and what about Lincs?", "/quit", "never asked"],
                     shown.append, said.append)
    assert asked == 2 and not said
    assert shown[1].read_as == "What did Lincolnshire score for safeguarding?"
    assert shown[1].answer.startswith("Lincolnshire County Council · Safeguarding")


def test_new_conversation_forgets_and_errors_do_not_end_the_chat():
    histories, said = [], []

    def ask(question, history):
        histories.append(history)
        if question == "bad":
            raise UsageError("the question is empty")
        return type("A", (), {"read_as": None})()

    assert run_chat(ask, ["one", "bad", "two", "/new", "three"], lambda a: None, said.append) == 3
    assert histories == [[], ["one"], ["one"], []]
    assert said == ["error: the question is empty", "new conversation"]

"""The CSV layout of docs/content.md: a header names the columns, one question a row."""

import pytest

from domain.enums import ChallengeKind
from infrastructure.importers.csv_bank import parse_csv
from infrastructure.importers.questions import BankError

HEADER = "module,lesson,title,kind,question,options,answers,explanation,points\n"


def test_a_row_is_a_challenge_and_answers_name_options_by_text() -> None:
    bank = parse_csv(HEADER + "Git,Basics,st,single_choice,Which?,log|status,status,Why.,5\n")

    question = bank.questions[0]
    assert question.category == ("Git", "Basics")
    assert (question.title, question.kind) == ("st", ChallengeKind.SINGLE_CHOICE)
    assert (question.options, question.answers) == (("log", "status"), (1,))
    assert (question.explanation, question.points) == ("Why.", 5)


@pytest.mark.parametrize(
    ("options", "answers", "kind"),
    [
        ("", "print", ChallengeKind.TEXT),
        ("a|b", "a", ChallengeKind.SINGLE_CHOICE),
        ("a|b|c", "a|c", ChallengeKind.MULTIPLE_CHOICE),
    ],
)
def test_an_empty_kind_follows_from_the_cells(options: str, answers: str, kind: str) -> None:
    bank = parse_csv(f"question,options,answers\nWhich?,{options},{answers}\n")

    assert bank.questions[0].kind is kind


def test_columns_come_in_any_order_and_case() -> None:
    bank = parse_csv("Answers,Question\nprint,Name the function.\n")

    assert bank.questions[0].answers == ("print",)


def test_a_backslash_keeps_a_bar_in_an_option() -> None:
    bank = parse_csv("question,options,answers\nPipe?,a \\| b|c,a \\| b\n")

    assert (bank.questions[0].options, bank.questions[0].answers) == (("a | b", "c"), (0,))


def test_a_quoted_cell_holds_commas_quotes_and_line_breaks() -> None:
    bank = parse_csv('question,answers\n"Say ""hi"",\nthen stop",hi\nNext?,x\n')

    assert bank.questions[0].prompt == 'Say "hi",\nthen stop'
    assert [question.line for question in bank.questions] == [2, 4]


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ("Which?,a|b,c,,", "'c' is not among the options"),
        ("Which?,a|b,a,essay,", "unknown kind 'essay'"),
        ("Which?,a|b,a,,ten", "points 'ten' is not a whole number of 0 or more"),
    ],
)
def test_a_wrong_row_is_skipped_with_its_line(row: str, message: str) -> None:
    bank = parse_csv(f"question,options,answers,kind,points\nFine?,,yes,,\n\n{row}\n")

    assert [(note.line, note.message) for note in bank.skipped] == [(4, message)]
    assert len(bank.questions) == 1


def test_unknown_or_missing_columns_refuse_the_file() -> None:
    with pytest.raises(BankError, match=r"unknown columns \['answer'\], missing .*'answers'"):
        parse_csv("question,answer\nWhich?,a\n")


def test_a_byte_order_mark_from_a_spreadsheet_is_ignored() -> None:
    assert parse_csv("\ufeffquestion,answers\nWhich?,a\n").questions[0].prompt == "Which?"

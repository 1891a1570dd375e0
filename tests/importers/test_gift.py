"""GIFT as Moodle documents it (docs.moodle.org/en/GIFT_format): its examples, one a test."""

import pytest

from domain.enums import ChallengeKind
from infrastructure.importers.gift import parse_gift
from infrastructure.importers.questions import Bank, Question


def only(text: str) -> Question:
    bank = parse_gift(text)
    assert len(bank.questions) == 1, bank
    return bank.questions[0]


def skipped(text: str) -> list[tuple[int, str]]:
    return [(note.line, note.source_kind) for note in parse_gift(text).skipped]


def test_multiple_choice_names_the_right_answer_with_equals() -> None:
    question = only("Who's buried in Grant's tomb?{~Grant ~Jefferson =no one}")

    assert question.kind is ChallengeKind.SINGLE_CHOICE
    assert question.options == ("Grant", "Jefferson", "no one")
    assert question.answers == (2,)
    assert question.prompt == "Who's buried in Grant's tomb?"


def test_answers_may_stand_on_lines_of_their_own() -> None:
    question = only("What color is an apple?\n{\n  ~blue\n  =red\n  ~green\n}")

    assert (question.options, question.answers) == (("blue", "red", "green"), (1,))


def test_a_missing_word_leaves_a_blank_in_the_text() -> None:
    question = only("Moodle costs {~lots of money =nothing ~a small amount} to download.")

    assert question.prompt == "Moodle costs _____ to download."


def test_a_blank_before_punctuation_has_no_space() -> None:
    assert only("The capital of France is {=Paris ~Lyon}.").prompt == (
        "The capital of France is _____."
    )


def test_only_equals_answers_make_a_short_answer_accepting_each() -> None:
    question = only("Two plus two equals {=four =4}.")

    assert question.kind is ChallengeKind.TEXT
    assert question.answers == ("four", "4")


@pytest.mark.parametrize(("block", "index"), [("T", 0), ("TRUE", 0), ("F", 1), ("false", 1)])
def test_true_false(block: str, index: int) -> None:
    question = only(f"Grant is buried in Grant's tomb.{{{block}}}")

    assert (question.options, question.answers) == (("True", "False"), (index,))
    assert question.source_kind == "truefalse"


def test_true_false_feedback_for_the_right_answer_explains() -> None:
    question = only("The sun rises in the West.{FALSE#Not quite.#Yes, it sets there.}")

    assert question.explanation == "Yes, it sets there."


def test_multiple_answers_are_the_positive_weights_and_the_weights_are_reported() -> None:
    bank = parse_gift(
        "What two people are entombed in Grant's tomb? {\n"
        "   ~%-100%No one\n   ~%50%Grant\n   ~%50%Grant's wife\n   ~%-100%Grant's father\n}"
    )

    question = bank.questions[0]
    assert question.kind is ChallengeKind.MULTIPLE_CHOICE
    assert question.answers == (1, 2)
    assert [(note.line, note.skipped) for note in bank.notes] == [(1, False)]
    assert "all-or-nothing" in bank.notes[0].message


def test_partial_credit_on_a_single_choice_is_reported_and_counts_as_wrong() -> None:
    bank = parse_gift("Where is Grant buried?{=New York ~%50%Manhattan ~Ohio}")

    assert bank.questions[0].answers == (0,)
    assert "partial credit 50% for 'Manhattan'" in bank.notes[0].message


def test_title_names_the_question() -> None:
    assert only("::Colours::What color is an apple?{=red ~blue}").title == "Colours"


def test_general_feedback_is_the_explanation() -> None:
    question = only("What is 2 + 2? {=4 ~5 #### Count on your fingers.}")

    assert question.explanation == "Count on your fingers."
    assert question.options == ("4", "5")


def test_feedback_of_the_right_answer_explains_and_the_rest_is_reported() -> None:
    bank = parse_gift("What color is an apple?{=red#Right! ~blue#Blue is the sky.}")

    assert bank.questions[0].explanation == "Right!"
    assert bank.questions[0].options == ("red", "blue")
    assert "feedback on other answers is dropped" in bank.notes[0].message


def test_escaped_characters_are_text() -> None:
    question = only(r"Which is \{x\} in 1 \= 1 \# \~ \: 2?{=a\=b ~c\~d ~e\#f ~g\\h}")

    assert question.prompt == "Which is {x} in 1 = 1 # ~ : 2?"
    assert question.options == ("a=b", "c~d", "e#f", "g\\h")


def test_backslash_n_is_a_line_break() -> None:
    assert only(r"First line\nsecond line{T}").prompt == "First line\nsecond line"


def test_comments_are_ignored() -> None:
    bank = parse_gift("// a comment\n// another {=not a question}\nIs this a question?{T}")

    assert [question.prompt for question in bank.questions] == ["Is this a question?"]


def test_categories_group_the_questions_after_them() -> None:
    bank = parse_gift(
        "$CATEGORY: $course$/top/Geography/Capitals\n\nCapital of France?{=Paris ~Rome}\n\n"
        "$CATEGORY: History\n\nGrant was a president.{T}"
    )

    assert [question.category for question in bank.questions] == [
        ("Geography", "Capitals"),
        ("History",),
    ]
    assert [question.line for question in bank.questions] == [3, 7]


def test_html_text_becomes_markdown() -> None:
    question = only("[html]<p>What does <b>bold</b> print?</p>{=x ~y}")

    assert question.prompt == "What does **bold** print?"


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("When was Ulysses S. Grant born?{#1822:5}", "numerical"),
        ("What is pi?{#=3.14159:0.0005 =%50%3.14:0.01}", "numerical"),
        ("Match these.{=cat -> cat food =dog -> dog food}", "matching"),
        ("Write a short biography of Dag Hammarskjöld. {}", "essay"),
        ("You can use your pencil and paper for these next math questions.", "description"),
    ],
)
def test_what_a_pack_cannot_hold_is_skipped_with_its_line(text: str, kind: str) -> None:
    assert skipped(f"Fine?{{T}}\n\n{text}") == [(3, kind)]


def test_questions_after_a_skipped_one_still_import() -> None:
    bank: Bank = parse_gift("Born?{#1822}\n\nStill here?{T}")

    assert [question.prompt for question in bank.questions] == ["Still here?"]


def test_a_short_answer_without_full_marks_is_skipped() -> None:
    assert skipped("Name a colour.{=%50%red}") == [(1, "shortanswer")]


def test_an_empty_short_answer_is_left_out_and_the_others_kept() -> None:
    question = only("1{=1=}")

    assert question.answers == ("1",)


def test_a_short_answer_whose_only_answer_is_empty_is_skipped() -> None:
    assert skipped("Say nothing.{= =}") == [(1, "shortanswer")]


def test_an_arrow_inside_a_choice_is_text_not_matching() -> None:
    question = only("Which is a lambda in Haskell?{=\\\\x -> x ~x \\=> x}")

    assert question.options == ("\\x -> x", "x => x")

"""A bank as a pack: categories to modules and lessons, slugs, and what the pack refuses."""

from domain.enums import ChallengeKind
from infrastructure.importers.pack import bank_to_pack
from infrastructure.importers.questions import Bank, Question


def question(line: int, *category: str, title: str | None = None, **fields: object) -> Question:
    values: dict[str, object] = {
        "kind": ChallengeKind.SINGLE_CHOICE,
        "prompt": f"Question on line {line}?",
        "options": ("yes", "no"),
        "answers": (0,),
    }
    values |= fields
    return Question(line, "test", category=category, title=title, **values)  # type: ignore[arg-type]


def test_the_first_category_is_the_module_and_the_rest_the_lesson() -> None:
    bank = Bank([question(1, "Maths", "Sums"), question(2, "Maths", "Sums", "Hard"), question(3)])

    pack = bank_to_pack(bank, "Course", "bank.gift")

    assert [(m.slug, [lesson.title for lesson in m.lessons]) for m in pack.modules] == [
        ("maths", ["Sums", "Sums / Hard"]),
        ("course", ["Course"]),
    ]
    assert [module.order for module in pack.modules] == [1, 2]


def test_challenge_slugs_come_from_titles_or_text_and_stay_unique() -> None:
    bank = Bank([question(1, title="Capital"), question(2, title="Capital"), question(3)])

    lesson = bank_to_pack(bank, "Course", "b").modules[0].lessons[0]

    assert [c.slug for c in lesson.challenges] == ["capital", "capital-2", "question-on-line-3"]


def test_text_without_ascii_letters_gets_a_numbered_slug() -> None:
    bank = Bank([question(1, "Математика", title="Вопрос")])

    module = bank_to_pack(bank, "Course", "b").modules[0]

    assert (module.slug, module.title, module.lessons[0].challenges[0].slug) == (
        "module-1",
        "Математика",
        "question-1",
    )


def test_a_question_the_pack_would_refuse_is_skipped_with_its_line() -> None:
    bank = Bank([question(1, options=("same", "same")), question(2, answers=(0, 1))])
    bank.questions.append(question(3))

    pack = bank_to_pack(bank, "Course", "b")

    assert [(note.line, note.message) for note in bank.skipped] == [
        (1, "two options have the same text"),
        (2, "a single choice needs exactly one correct option"),
    ]
    assert [q.line for q in bank.questions] == [3]
    assert len(pack.modules[0].lessons[0].challenges) == 1


def test_every_lesson_has_text_naming_its_source() -> None:
    lesson = bank_to_pack(Bank([question(1)]), "Course", "bank.gift").modules[0].lessons[0]

    assert lesson.content == "# Course\n\n1 question imported from `bank.gift`."

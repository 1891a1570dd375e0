"""``form: poll`` challenges: what Telegram refuses in a quiz poll is named by file, line, field."""

from pathlib import Path

import pytest

from domain.enums import ChallengeForm
from learnbot.content import read_pack
from tests.content.test_validator import INTRO_MD, problems_in
from tests.support.packs import edit, write_pack

POLL = "answer: b\n    form: poll"
"""Makes the first challenge of the intro (single choice, options a, b, c) a quiz poll."""

BROKEN = [
    ("not single choice", edit(INTRO_MD, "answers: [a, c]", "answers: [a, c]\n    form: poll"),
     "challenges[1].form", 18),
    ("question too long", edit(INTRO_MD, "answer: b", POLL, "Pick b", "q" * 301),
     "challenges[0].prompt", 9),
    ("question too long in UTF-16", edit(INTRO_MD, "answer: b", POLL, "Pick b", "🐍" * 151),
     "challenges[0].prompt", 9),
    ("option too long", edit(INTRO_MD, "answer: b", POLL, "[a, b, c]", f"[a, b, {'c' * 101}]"),
     "challenges[0].options", 10),
    ("too many options", edit(INTRO_MD, "answer: b", POLL, "[a, b, c]", str(list("abcdefghijk"))),
     "challenges[0].options", 10),
    ("explanation too long", edit(INTRO_MD, "answer: b", POLL, "Because b.", "b" * 201),
     "challenges[0].explanation", 13),
    ("explanation of many lines",
     edit(INTRO_MD, "answer: b", POLL, "explanation: Because b.", 'explanation: "a\\nb\\nc\\nd"'),
     "challenges[0].explanation", 13),
    ("open period too long", edit(INTRO_MD, "answer: b", POLL + "\n    open_period: 601"),
     "challenges[0].open_period", 13),
    ("open period too short", edit(INTRO_MD, "answer: b", POLL + "\n    open_period: 4"),
     "challenges[0].open_period", 13),
    ("open period without a poll", edit(INTRO_MD, "answer: b", "answer: b\n    open_period: 30"),
     "challenges[0].open_period", 12),
    ("unknown form", edit(INTRO_MD, "answer: b", "answer: b\n    form: survey"),
     "challenges[0].form", 12),
]  # fmt: skip


@pytest.mark.parametrize(
    ("files", "field", "line"), [case[1:] for case in BROKEN], ids=[case[0] for case in BROKEN]
)
def test_a_poll_telegram_would_refuse_is_reported(
    tmp_path: Path, files: dict[str, str | None], field: str, line: int
) -> None:
    problems = problems_in(write_pack(tmp_path, files))

    assert [(p.file, p.field, p.line) for p in problems] == [(INTRO_MD, field, line)], problems


def test_a_poll_and_its_open_period_reach_the_domain_pack(tmp_path: Path) -> None:
    files = edit(INTRO_MD, "answer: b", POLL + "\n    open_period: 600", "Pick b", "p" * 300)

    pack = read_pack(write_pack(tmp_path, files))

    pick, many, _ = pack.modules[0].lessons[0].challenges
    assert (pick.form, pick.open_period, pick.answers) == (ChallengeForm.POLL, 600, (1,))
    assert (many.form, many.open_period) == (ChallengeForm.BUTTONS, None)

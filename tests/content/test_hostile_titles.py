"""Author text with HTML in it is shown as text: it never opens a tag Telegram would parse."""

from collections.abc import Iterator
from pathlib import Path

import pytest
from aiogram.utils.i18n import I18n

from bot.config import LOCALES_DIR
from bot.rendering.course import lesson_pages, module_screen, modules_screen
from bot.rendering.quiz import achievement_lines
from bot.rendering.standing import achievements_screen
from domain.achievements import Achievement, Showcase, parse_criterion
from domain.catalogue import Lesson, LessonContent, Module
from domain.content import CoursePack
from domain.enums import ProgressStatus
from domain.journey import LessonStanding, ModuleStanding
from fake_telegram.html import parse_html
from learnbot.content import read_pack
from tests.support.packs import edit, write_pack

HOSTILE = "<b>Bold</b> & <script>alert(1)</script>"
ICON = "<i>"


@pytest.fixture(autouse=True)
def english() -> Iterator[None]:
    i18n = I18n(path=LOCALES_DIR, default_locale="en")
    with i18n.context(), i18n.use_locale("en"):
        yield


def hostile_pack(root: Path) -> CoursePack:
    files = (
        edit("01-basics/module.yaml", "title: Basics", f"title: '{HOSTILE}'")
        | edit("01-basics/01-intro.md", "title: Intro", f"title: '{HOSTILE}'")
        | edit(
            "course.yaml",
            'title: First lesson\n    icon: "*"',
            f"title: '{HOSTILE}'\n    icon: '{ICON}'",
        )
    )
    return read_pack(write_pack(root, files))


def rendered_texts(pack: CoursePack) -> list[str]:
    spec = pack.modules[0]
    lesson_spec = spec.lessons[0]
    module = Module(1, spec.slug, spec.title, spec.description, spec.order)
    lesson = Lesson(2, 1, lesson_spec.slug, lesson_spec.title, lesson_spec.content, 1, 3)
    standing = ModuleStanding(module, (LessonStanding(lesson, ProgressStatus.NOT_STARTED),))
    achievements = [
        Achievement(
            n, a.slug, a.type, a.title, a.description, a.icon, a.points, parse_criterion(a.criteria)
        )
        for n, a in enumerate(pack.achievements, 1)
    ]
    return [
        modules_screen([standing]).text,
        module_screen(standing).text,
        *lesson_pages(LessonContent(lesson, module)),
        achievements_screen(
            Showcase([(a, None) for a in achievements], {spec.slug: spec.title})
        ).text,
        *achievement_lines(achievements),
    ]


def test_html_in_titles_and_icons_reaches_the_learner_as_plain_text(tmp_path: Path) -> None:
    texts = rendered_texts(hostile_pack(tmp_path))

    shown = [parse_html(text) for text in texts]

    for plain, entities in shown[:4]:
        assert HOSTILE in plain
        assert {entity["type"] for entity in entities} <= {"bold", "italic"}
    assert f"complete the module “{HOSTILE}”" in shown[3][0]
    assert shown[4][0] == f"{ICON} New achievement: {HOSTILE} (+5)"

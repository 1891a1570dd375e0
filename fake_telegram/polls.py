"""Polls the bot sent: Telegram's checks on sendPoll, the votes, and the Poll object."""

import itertools
import time
from dataclasses import dataclass, field
from typing import Any

from fake_telegram.errors import bad_request
from fake_telegram.html import parse_html, utf16_len
from fake_telegram.params import Params
from fake_telegram.shapes import present

MAX_QUESTION = 300
MAX_OPTIONS = 12
MAX_OPTION = 100
MAX_EXPLANATION = 200
MAX_EXPLANATION_LINE_FEEDS = 2
OPEN_PERIOD = range(5, 2_628_000 + 1)
_POLL_IDS = itertools.count(5_368_520_391_001_000_001)


@dataclass
class FakePoll:
    """One poll; ``votes`` maps a voter's id to the options they chose."""

    poll_id: str
    question: str
    options: list[str]
    type: str
    is_anonymous: bool
    correct_option_ids: list[int] | None
    explanation: str | None
    explanation_entities: list[dict[str, Any]]
    open_period: int | None
    opened_at: float = field(default_factory=time.time)
    stopped: bool = False
    votes: dict[int, list[int]] = field(default_factory=dict)

    @property
    def is_closed(self) -> bool:
        """Stopped, or past its open period by the wall clock, as Telegram closes it."""
        expired = self.open_period is not None and time.time() >= self.opened_at + self.open_period
        return self.stopped or expired

    def to_json(self) -> dict[str, Any]:
        counts = [
            sum(index in chosen for chosen in self.votes.values())
            for index in range(len(self.options))
        ]
        options = [
            {"persistent_id": str(index), "text": text, "voter_count": count}
            for index, (text, count) in enumerate(zip(self.options, counts, strict=True))
        ]
        return {
            "id": self.poll_id,
            "question": self.question,
            "options": options,
            "total_voter_count": len(self.votes),
            "is_closed": self.is_closed,
            "is_anonymous": self.is_anonymous,
            "type": self.type,
            "allows_multiple_answers": False,
            "allows_revoting": self.type != "quiz",
            "members_only": False,
        } | present(
            correct_option_ids=self.correct_option_ids,
            explanation=self.explanation,
            explanation_entities=self.explanation_entities or None,
            open_period=self.open_period,
        )


def read_poll(params: Params) -> FakePoll:
    """A poll as sendPoll describes it, refused the way Telegram refuses it."""
    question = params.text("question") or ""
    if not 1 <= utf16_len(question) <= MAX_QUESTION:
        raise bad_request("POLL_QUESTION_INVALID")
    options = [_option_text(option) for option in params.obj("options") or []]
    if not 1 <= len(options) <= MAX_OPTIONS:
        raise bad_request("POLL_ANSWERS_INVALID")
    if any(not 1 <= utf16_len(text) <= MAX_OPTION for text in options):
        raise bad_request("POLL_ANSWER_INVALID")
    kind = params.text("type") or "regular"
    open_period = params.number("open_period")
    if open_period is not None and open_period not in OPEN_PERIOD:
        raise bad_request("POLL_OPEN_PERIOD_INVALID")
    explanation, entities = _explanation(params)
    return FakePoll(
        poll_id=str(next(_POLL_IDS)),
        question=question,
        options=options,
        type=kind,
        is_anonymous=params.raw.get("is_anonymous") is None or params.flag("is_anonymous"),
        correct_option_ids=_correct(params, kind, len(options)),
        explanation=explanation,
        explanation_entities=entities,
        open_period=open_period,
    )


def _option_text(option: Any) -> str:
    """An option is an InputPollOption or, as aiogram allows, its bare text."""
    return str(option.get("text", "")) if isinstance(option, dict) else str(option)


def _correct(params: Params, kind: str, count: int) -> list[int] | None:
    """``correct_option_ids`` (Bot API 9.6), or the older single ``correct_option_id``."""
    single = params.number("correct_option_id")
    correct = params.obj("correct_option_ids") or ([] if single is None else [single])
    if kind != "quiz":
        return None
    if not correct or any(not 0 <= int(index) < count for index in correct):
        raise bad_request("wrong correct option ID specified")
    return [int(index) for index in correct]


def _explanation(params: Params) -> tuple[str | None, list[dict[str, Any]]]:
    """Counted after entities are parsed, as Telegram counts it."""
    source = params.text("explanation")
    if not source:
        return None, []
    mode = params.text("explanation_parse_mode") or ""
    plain, entities = parse_html(source) if mode.upper() == "HTML" else (source, [])
    too_long = utf16_len(plain) > MAX_EXPLANATION
    if too_long or plain.count("\n") > MAX_EXPLANATION_LINE_FEEDS:
        raise bad_request("POLL_EXPLANATION_INVALID")
    return plain, entities


def poll_vote_refusal(poll: FakePoll, user_id: int, option_ids: list[int]) -> str | None:
    """Why a Telegram client would not send this vote, or None if it would."""
    if poll.is_anonymous:
        return "the poll is anonymous: Telegram tells the bot nothing of its votes"
    if poll.is_closed:
        return "the poll is closed"
    if poll.type == "quiz" and user_id in poll.votes:
        return "a quiz takes one vote per person"
    if len(option_ids) != 1 or not 0 <= option_ids[0] < len(poll.options):
        return f"one option of {len(poll.options)} is chosen in a quiz or a one-answer poll"
    return None

"""Answer rows: the submission is stored as JSON, selected options sorted."""

import json
from datetime import datetime

from domain.catalogue import Submission
from domain.progress import AnswerRecord


def answer_values(record: AnswerRecord) -> dict[str, object]:
    return {
        "user_id": record.user_id,
        "challenge_id": record.challenge_id,
        "take": record.take,
        "attempt": record.attempt,
        "is_correct": record.is_correct,
        "answer": submission_json(record.submission),
        "answered_at": record.answered_at,
    }


def submission_json(submission: Submission) -> str:
    if submission.text is not None:
        return json.dumps({"text": submission.text}, ensure_ascii=False)
    return json.dumps({"selected": sorted(submission.selected)})


def to_answer_record(
    user_id: int,
    take: int,
    challenge_id: int,
    attempt: int,
    is_correct: bool,
    answer: str,
    answered_at: datetime,
) -> AnswerRecord:
    raw = json.loads(answer)
    submission = Submission(frozenset(raw.get("selected", ())), raw.get("text"))
    return AnswerRecord(user_id, challenge_id, take, attempt, is_correct, submission, answered_at)

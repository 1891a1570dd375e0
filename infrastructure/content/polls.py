"""What Telegram accepts in a quiz poll, checked before a ``form: poll`` challenge is published.

Telegram counts characters in UTF-16 code units, as it does everywhere in the Bot API.
"""

from domain.enums import ChallengeForm
from domain.kinds import kind_of, kinds_put_as
from infrastructure.content.schema import ChallengeModel

POLL_KEYS = ("form", "open_period", "kind", "prompt", "options", "explanation")
"""What the poll rules read: a challenge with one of these wrong is not checked further."""
MAX_QUESTION = 300
MAX_OPTIONS = 10
"""Bot API 9.1 allows 12; 10 is what every Bot API server (a self-hosted one too) accepts."""
MAX_OPTION = 100
MAX_EXPLANATION = 200
MAX_EXPLANATION_LINE_FEEDS = 2


def poll_problems(challenge: ChallengeModel) -> list[tuple[str, str]]:
    """(key, message) for each limit a quiz poll challenge breaks; none for other forms."""
    if challenge.form is not ChallengeForm.POLL:
        if challenge.open_period is None:
            return []
        return [("open_period", "only a quiz poll (form: poll) has an open period")]
    said = []
    if ChallengeForm.POLL not in kind_of(challenge.kind).forms:
        kinds = " or ".join(kinds_put_as(ChallengeForm.POLL))
        said.append(("form", f"a quiz poll needs kind {kinds}, not {challenge.kind}"))
    if (length := utf16_len(challenge.prompt)) > MAX_QUESTION:
        said.append(("prompt", _too_long("the question", length, MAX_QUESTION)))
    if len(challenge.options) > MAX_OPTIONS:
        message = f"a quiz poll has at most {MAX_OPTIONS} options, got {len(challenge.options)}"
        said.append(("options", message))
    for number, option in enumerate(challenge.options, start=1):
        if (length := utf16_len(option)) > MAX_OPTION:
            said.append(("options", _too_long(f"option {number}", length, MAX_OPTION)))
    return said + _explanation_problems(challenge.explanation)


def _explanation_problems(explanation: str | None) -> list[tuple[str, str]]:
    if explanation is None:
        return []
    said = []
    if (length := utf16_len(explanation)) > MAX_EXPLANATION:
        said.append(("explanation", _too_long("the explanation", length, MAX_EXPLANATION)))
    if (feeds := explanation.count("\n")) > MAX_EXPLANATION_LINE_FEEDS:
        message = (
            f"a quiz poll's explanation has at most {MAX_EXPLANATION_LINE_FEEDS} line feeds, "
            f"got {feeds}"
        )
        said.append(("explanation", message))
    return said


def _too_long(what: str, length: int, limit: int) -> str:
    return f"{what} is {length} characters; a quiz poll allows {limit}"


def utf16_len(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2

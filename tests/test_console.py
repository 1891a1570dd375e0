"""The admin CLI's English: counts agree with their noun ("1 learner", "2 learners")."""

import pytest

from learnbot.console import counted


@pytest.mark.parametrize(
    ("n", "words"), [(0, "0 learners"), (1, "1 learner"), (2, "2 learners"), (11, "11 learners")]
)
def test_a_count_agrees_with_its_noun(n: int, words: str) -> None:
    assert counted(n, "learner") == words

"""Learners: registered once, refreshed at most once a minute, and removable."""

import pytest

from domain.enums import ActivityType
from domain.errors import LearnerNotFound
from domain.learners import LearnerKey, TelegramProfile
from domain.services import LearnerService, ProgressService
from tests.support.use_cases import committed

from .conftest import START
from .course import PICK_ONE, RIGHT, VARIABLES
from .fakes import FakeClock, FakeUnitOfWork, assert_logged, assert_logged_once

ADA = TelegramProfile(42, "ada", "Ada", "Lovelace", "en")


@pytest.fixture
def service(uow: FakeUnitOfWork, clock: FakeClock) -> LearnerService:
    return committed(LearnerService(uow, clock))


async def test_register_creates_the_learner_once(
    service: LearnerService, uow: FakeUnitOfWork
) -> None:
    first = await service.register(ADA)
    again = await service.register(ADA)

    assert again == first
    assert list(uow.saved.learners.values()) == [first]
    assert (first.telegram_id, first.display_name, first.is_active) == (42, "ada", True)
    assert (first.first_contact_at, first.last_contact_at, first.timezone) == (START, START, None)


async def test_a_fresh_contact_with_the_same_profile_writes_nothing(
    service: LearnerService, uow: FakeUnitOfWork, clock: FakeClock
) -> None:
    await service.register(ADA)
    writes, commits = uow.learners.writes, uow.commits
    clock.advance(seconds=59)

    await LearnerService(uow, clock).register(ADA)

    assert (uow.learners.writes, uow.commits) == (writes, commits)


@pytest.mark.parametrize(
    ("profile", "seconds"),
    [(TelegramProfile(42, "countess", "Ada", "Lovelace", "en"), 1), (ADA, 60)],
    ids=["new-username", "stale-contact"],
)
async def test_a_changed_profile_or_stale_contact_refreshes_with_one_write(
    service: LearnerService,
    uow: FakeUnitOfWork,
    clock: FakeClock,
    profile: TelegramProfile,
    seconds: int,
) -> None:
    first = await service.register(ADA)
    writes = uow.learners.writes
    now = clock.advance(seconds=seconds)

    refreshed = await service.register(profile)

    assert uow.learners.writes == writes + 1
    assert uow.saved.learners[first.id] == refreshed
    assert (refreshed.id, refreshed.username, refreshed.last_contact_at) == (
        first.id,
        profile.username,
        now,
    )


async def test_a_deactivated_learner_who_writes_again_is_active(
    service: LearnerService, uow: FakeUnitOfWork
) -> None:
    learner = await service.register(ADA)
    await service.deactivate(learner.id)
    assert not uow.saved.learners[learner.id].is_active

    assert (await service.register(ADA)).is_active
    assert uow.saved.learners[learner.id].is_active


async def test_log_in_registers_and_logs_a_login(
    service: LearnerService, uow: FakeUnitOfWork
) -> None:
    learner = await service.log_in(ADA)

    login = assert_logged_once(uow.saved, learner.id, ActivityType.LOGIN)
    assert login.created_at == START
    assert_logged(uow.saved, learner.id, ActivityType.LOGIN)


async def test_set_timezone_validates_the_zone(
    service: LearnerService, uow: FakeUnitOfWork
) -> None:
    learner = await service.register(ADA)

    await service.set_timezone(learner.id, "Asia/Tokyo")
    assert uow.saved.learners[learner.id].timezone == "Asia/Tokyo"
    for invalid in ("Mars/Olympus_Mons", "", "../etc/passwd"):
        with pytest.raises(ValueError, match="unknown time zone"):
            await service.set_timezone(learner.id, invalid)
    assert uow.working.learners[learner.id].timezone == "Asia/Tokyo"
    await service.set_timezone(learner.id, None)
    assert uow.saved.learners[learner.id].timezone is None


async def test_delete_removes_the_learner_and_their_rows(
    service: LearnerService, uow: FakeUnitOfWork, clock: FakeClock
) -> None:
    learner = await service.log_in(ADA)
    await committed(ProgressService(uow, clock, "UTC")).start_lesson(learner, VARIABLES)
    await committed(ProgressService(uow, clock, "UTC")).answer(learner, PICK_ONE, RIGHT[PICK_ONE])
    await service.register(TelegramProfile(7, "grace"))

    await service.delete(learner.id)

    assert [row.telegram_id for row in uow.saved.learners.values()] == [7]
    assert (uow.saved.progress, uow.saved.answers, uow.saved.activities) == ({}, {}, [])
    assert uow.saved.study_days == set()


@pytest.mark.parametrize("action", ["deactivate", "delete", "set_timezone"])
async def test_unknown_learners_are_refused(
    service: LearnerService, uow: FakeUnitOfWork, action: str
) -> None:
    calls = {
        "deactivate": lambda: service.deactivate(404),
        "delete": lambda: service.delete(404),
        "set_timezone": lambda: service.set_timezone(404, "Europe/Paris"),
    }
    with pytest.raises(LearnerNotFound):
        await calls[action]()

    assert uow.commits == 0


async def test_an_operator_finds_a_learner_by_either_id(service: LearnerService) -> None:
    ada = await service.register(ADA)

    assert await service.find(LearnerKey(ada.id)) == ada
    assert await service.find(LearnerKey(42, telegram=True)) == ada
    with pytest.raises(LearnerNotFound, match="no learner with Telegram id 9000000000"):
        await service.find(LearnerKey(9_000_000_000, telegram=True))
    with pytest.raises(LearnerNotFound, match="no learner with id 42"):
        await service.find(LearnerKey(42))

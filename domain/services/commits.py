"""Who commits: the driving adapter that opened the unit of work, once, when the whole
update, job run or command has succeeded; any error rolls it all back. Services never
commit on their own.

A few rules need a commit before the end, and each is one of these named points, called
by the use case or handler the rule belongs to. Whatever was written before the point
commits with it (a message update's replay claim included), so the update's effects still
commit together; only what comes after is left to the adapter's final commit.
"""

from domain.ports import Transaction


async def before_showing(tx: Transaction) -> None:
    """What an update wrote is committed before the learner is shown its outcome: feedback
    seen means recorded (an outage right after "Correct!" loses nothing), and a button on
    the new screen, pressed at once and perhaps on another replica, finds what it stands on
    (the lesson's take, the awaited text challenge, a card's next review)."""
    await tx.commit()


async def before_the_vote(tx: Transaction) -> None:
    """A quiz poll sent is committed at once: the learner may vote as soon as Telegram shows
    the poll, and the vote, another update, must find it."""
    await tx.commit()


async def before_sending(tx: Transaction) -> None:
    """What a message to a learner stands for is committed before it is sent: a reminder's
    or a league result's claim, so a crash after sending does not send it again; an admin's
    reply, so a failed send loses nothing."""
    await tx.commit()


async def under_the_lock(tx: Transaction) -> None:
    """Work done under a database lock (the leaderboard refresh, the league rollover) is
    committed while the lock is still held, so the next holder sees all of it."""
    await tx.commit()


async def settled_freezes(tx: Transaction) -> None:
    """The freezes a reminder run settles for one learner are committed at once, as the
    learner's own next act would commit them: the run, which sends messages between
    learners, holds no one's rows for long."""
    await tx.commit()

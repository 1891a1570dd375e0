"""Domain errors: each one is a refusal a driving adapter can explain to a person."""


class DomainError(Exception):
    """Base class: the request was understood and refused; nothing was changed."""


class ContentUnavailable(DomainError):
    """The module, lesson or challenge does not exist or is not published."""


class LearnerNotFound(DomainError):
    """No learner has that id."""


class InvalidSubmission(DomainError):
    """The submitted answer does not fit the challenge (an unknown option, say)."""


class NothingChosen(InvalidSubmission):
    """A multiple-choice challenge was checked with nothing ticked: not an attempt at all."""


class StaleAnswer(DomainError):
    """The answer refers to an attempt that is neither the next one nor a recorded one."""


class InvalidCriterion(DomainError):
    """An achievement's criteria JSON does not describe a known rule."""


class ContentConflict(DomainError):
    """Publishing would destroy learners' records (a removed challenge they answered)."""


class InvalidMessage(DomainError):
    """A learner's or an admin's text is empty, too long or contains what cannot be stored."""


class MessageNotFound(DomainError):
    """No inbox message has that id, or its learner has cleared it."""


class StorageUnavailable(Exception):
    """The database could not be reached (it is restarting, say). Not a refusal: nothing the
    request did was confirmed, and the same request may simply be tried again shortly."""


class StorageConflict(Exception):
    """The database undid the request's transaction to break a deadlock with another one.
    Nothing of it was kept, so the same request can be run again at once."""

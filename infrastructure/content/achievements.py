"""Achievement definitions: criteria the domain can parse, of the type the rule implies."""

from collections.abc import Sequence

from domain.achievements import CRITERION_TYPES, parse_criterion
from domain.content import AchievementSpec, canonical_json
from domain.errors import InvalidCriterion
from infrastructure.content.documents import Documents, Place
from infrastructure.content.schema import AchievementModel
from infrastructure.content.yaml_source import YamlDocument


def to_achievements(
    documents: Documents,
    document: YamlDocument,
    achievements: Sequence[AchievementModel],
    module_slugs: set[str] | None,
) -> tuple[AchievementSpec, ...]:
    """``module_slugs`` is None when a module failed to load: its slug is then unknown."""
    specs = []
    for place, model in documents.items(document, "achievements", achievements):
        criteria = None if model.criteria is None else canonical_json(model.criteria)
        if _criteria_fit(place, model, criteria, module_slugs):
            specs.append(_spec(model, criteria))
    return tuple(specs)


def _criteria_fit(
    place: Place, model: AchievementModel, criteria: str | None, modules: set[str] | None
) -> bool:
    try:
        criterion = parse_criterion(criteria)
    except InvalidCriterion as error:
        place.report("criteria", str(error))
        return False
    if criterion is None:
        return True
    if CRITERION_TYPES[criterion.metric] is not model.type:
        expected = CRITERION_TYPES[criterion.metric]
        place.report("type", f"a {criterion.metric!r} criterion makes a {expected} achievement")
        return False
    if modules is not None and criterion.module is not None and criterion.module not in modules:
        place.report("criteria", f"no module has the slug {criterion.module!r}")
        return False
    return True


def _spec(model: AchievementModel, criteria: str | None) -> AchievementSpec:
    """The same fields, with the criteria as the JSON text the database stores."""
    return AchievementSpec(**model.model_dump(exclude={"criteria"}), criteria=criteria)

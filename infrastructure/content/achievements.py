"""Achievement definitions: criteria the domain can parse, of the type the rule implies."""

from collections.abc import Sequence

from domain.achievements import CRITERION_TYPES, parse_criterion
from domain.content import AchievementSpec, canonical_json
from domain.errors import InvalidCriterion
from infrastructure.content.documents import Documents
from infrastructure.content.schema import AchievementModel
from infrastructure.content.yaml_source import YamlDocument


def to_achievements(
    documents: Documents,
    document: YamlDocument,
    achievements: Sequence[AchievementModel],
    module_slugs: set[str],
) -> tuple[AchievementSpec, ...]:
    specs = []
    seen: set[str] = set()
    for index, model in enumerate(achievements):

        def report(key: str, message: str, index: int = index) -> None:
            location = ("achievements", index, key)
            field = f"achievements[{index}].{key}"
            documents.problems.append(document.problem(location, field, message))

        if model.slug in seen:
            report("slug", f"duplicate achievement slug {model.slug!r}")
        seen.add(model.slug)
        criteria = None if model.criteria is None else canonical_json(model.criteria)
        try:
            criterion = parse_criterion(criteria)
        except InvalidCriterion as error:
            report("criteria", str(error))
            continue
        if criterion is not None and CRITERION_TYPES[criterion.metric] is not model.type:
            expected = CRITERION_TYPES[criterion.metric]
            report("type", f"a {criterion.metric!r} criterion makes a {expected} achievement")
        if criterion is not None and criterion.module not in {None, *module_slugs}:
            report("criteria", f"no module has the slug {criterion.module!r}")
        specs.append(_spec(model, criteria))
    return tuple(specs)


def _spec(model: AchievementModel, criteria: str | None) -> AchievementSpec:
    return AchievementSpec(
        slug=model.slug,
        type=model.type,
        title=model.title,
        description=model.description,
        icon=model.icon,
        points=model.points,
        criteria=criteria,
    )

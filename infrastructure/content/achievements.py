"""Achievement definitions: criteria the domain can parse, of the type the rule implies."""

from domain.achievements import CRITERION_TYPES, Criterion, parse_criterion
from domain.content import AchievementSpec, canonical_json
from domain.errors import InvalidCriterion
from infrastructure.content.documents import Documents, Item, Place
from infrastructure.content.schema import AchievementModel
from infrastructure.content.yaml_source import YamlDocument


def to_achievements(
    documents: Documents, document: YamlDocument, module_slugs: set[str] | None
) -> tuple[AchievementSpec, ...]:
    """``module_slugs`` is None when a module failed to load: its slug is then unknown."""
    specs = []
    for item in documents.items(document, "achievements", AchievementModel):
        fits = _criteria_fit(item, module_slugs)
        if fits and item.valid is not None:
            specs.append(_spec(item.valid))
    return tuple(specs)


def _criteria_fit(item: Item[AchievementModel], modules: set[str] | None) -> bool:
    """Checked whenever the criteria could be read, even if another key is wrong."""
    model = item.readable("criteria")
    if model is None:
        return False
    try:
        criterion = parse_criterion(_criteria(model))
    except InvalidCriterion as error:
        item.place.report("criteria", str(error))
        return False
    if criterion is None:
        return True
    typed = item.readable("type")
    type_fits = typed is None or _type_fits(item.place, typed, criterion)
    return _module_known(item.place, criterion, modules) and type_fits


def _type_fits(place: Place, model: AchievementModel, criterion: Criterion) -> bool:
    expected = CRITERION_TYPES[criterion.metric]
    if expected is not model.type:
        place.report("type", f"a {criterion.metric!r} criterion makes a {expected} achievement")
        return False
    return True


def _module_known(place: Place, criterion: Criterion, modules: set[str] | None) -> bool:
    if modules is not None and criterion.module is not None and criterion.module not in modules:
        place.report("criteria", f"no module has the slug {criterion.module!r}")
        return False
    return True


def _criteria(model: AchievementModel) -> str | None:
    return None if model.criteria is None else canonical_json(model.criteria)


def _spec(model: AchievementModel) -> AchievementSpec:
    """The same fields, with the criteria as the JSON text the database stores."""
    return AchievementSpec(**model.model_dump(exclude={"criteria"}), criteria=_criteria(model))

"""Course packs on disk: loading and validating them, and writing content back as a pack."""

from infrastructure.content.export import export_pack
from infrastructure.content.loader import LessonCheck, load_pack
from infrastructure.content.problems import InvalidPack, Problem

__all__ = ["InvalidPack", "LessonCheck", "Problem", "export_pack", "load_pack"]

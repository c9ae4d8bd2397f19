"""Scoring standards as data: schema, loader with located Chinese errors, lint, registry."""

from casereview.domain.rule_ids import KNOWN_RULES, RULE_IDS
from casereview.standards.lint import lint
from casereview.standards.loader import check_file, content_hash, default_root, find_standards, load_standard
from casereview.standards.problems import Problem
from casereview.standards.registry import StandardRegistry
from casereview.standards.schema import Cap, Category, Grade, Item, Profile, Standard, Veto

__all__ = [
    "KNOWN_RULES",
    "RULE_IDS",
    "Cap",
    "Category",
    "Grade",
    "Item",
    "Problem",
    "Profile",
    "Standard",
    "StandardRegistry",
    "Veto",
    "check_file",
    "content_hash",
    "default_root",
    "find_standards",
    "lint",
    "load_standard",
]

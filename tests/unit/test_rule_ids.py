"""One list of rule ids (``domain/rule_ids.py``): the rules registered and the ids a standard may
name are the same set, and the list imports nothing of casereview, so every layer may read it."""

from __future__ import annotations

import ast
from pathlib import Path

import casereview.domain.rule_ids as rule_ids_module
from casereview.domain.rule_ids import KNOWN_RULES, RULE_IDS
from casereview.rules import CATALOGUE, REGISTRY


def test_every_rule_id_has_a_rule_and_every_rule_an_id() -> None:
    assert len(set(RULE_IDS)) == len(RULE_IDS)
    assert sorted(REGISTRY) == sorted(RULE_IDS)
    assert frozenset(RULE_IDS) == KNOWN_RULES
    assert CATALOGUE == RULE_IDS


def test_the_rule_id_list_imports_nothing_of_casereview() -> None:
    tree = ast.parse(Path(rule_ids_module.__file__).read_text(encoding="utf-8"))
    imported = [
        node.module or "" if isinstance(node, ast.ImportFrom) else alias.name
        for node in ast.walk(tree)
        if isinstance(node, ast.Import | ast.ImportFrom)
        for alias in node.names
    ]
    assert [name for name in imported if name.split(".")[0] == "casereview"] == []

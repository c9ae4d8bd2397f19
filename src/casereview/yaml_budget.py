"""A YAML SafeLoader held to the read's memory budget: depth, nodes and aliases are counted.

A 349-byte "billion laughs" composes into a few dozen nodes, but every alias is a reference, so
anything that walks the document (the line records of the standards loader, pydantic's validation,
a content hash) walks it expanded: 10⁹ nodes. ``&n [*n]`` makes a node contain itself, and a
5000-deep list overflows PyYAML's recursive composer. So: nesting deeper than
:data:`~casereview.budget.MAX_YAML_DEPTH` stops composing, and the composed graph's expanded size
(counted once per node, shared parts by memo) is charged before anything is built from it.
"""

from __future__ import annotations

from typing import Any

import yaml

from casereview.budget import MAX_YAML_DEPTH, Budget


class YamlTooComplex(yaml.MarkedYAMLError):
    """Too deep or self-containing; ``problem`` is the Chinese reason."""


class BudgetedLoader(yaml.SafeLoader):
    """``get_single_node`` refuses nesting past MAX_YAML_DEPTH, cycles and an expanded size over
    the budget (raising OverBudget); construct only what it returns."""

    def __init__(self, stream: str, path: str = "", budget: Budget | None = None) -> None:
        super().__init__(stream)
        self.budget = budget or Budget(path)
        self._depth = 0

    def compose_node(self, parent: yaml.Node | None, index: int) -> yaml.Node | None:
        self._depth += 1
        try:
            if self._depth > MAX_YAML_DEPTH:
                mark = self.peek_event().start_mark  # type: ignore[no-untyped-call]
                raise YamlTooComplex(None, None, f"嵌套超过 {MAX_YAML_DEPTH} 层，文件可能是恶意构造的", mark)
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1

    def get_single_node(self) -> Any:
        node = super().get_single_node()
        if node is not None:
            most = self.budget.units_left("yaml_nodes")
            counted = expanded_size(node, most)
            if counted > most:  # counting stopped past the limit: the real size is larger
                raise self.budget.refuse("yaml_nodes", counted, more=True)
            self.budget.charge("yaml_nodes", counted)
        return node


def expanded_size(root: yaml.Node, stop_after: int) -> int:
    """Nodes the document has with every alias expanded (> ``stop_after`` once it is that large);
    raises YamlTooComplex for a node that contains itself. Depth is bounded by the composer."""
    sizes: dict[int, int] = {}
    open_nodes: set[int] = set()

    def size(node: yaml.Node) -> int:
        key = id(node)
        if key in sizes:
            return sizes[key]
        if key in open_nodes:
            raise YamlTooComplex(None, None, "别名引用了包含它自己的节点（循环引用）", node.start_mark)
        open_nodes.add(key)
        total = 1
        if isinstance(node, yaml.SequenceNode):
            for child in node.value:
                total += size(child)
                if total > stop_after:
                    break
        elif isinstance(node, yaml.MappingNode):
            for key_node, value_node in node.value:
                total += size(key_node) + size(value_node)
                if total > stop_after:
                    break
        open_nodes.discard(key)
        sizes[key] = total
        return total

    return size(root)

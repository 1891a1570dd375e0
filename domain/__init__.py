"""The learning domain: entities, rules, ports and use cases.

This package is the core of the hexagon. It imports only the standard library; the
adapters in ``infrastructure`` and ``bot`` depend on it, never the other way round.
"""

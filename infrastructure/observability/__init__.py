"""Prometheus metrics and the small HTTP server that exposes them with a health check.

The server (``infrastructure.observability.server``, on aiohttp's web framework) is
imported by the process that serves METRICS_PORT, when it starts serving it.
"""

from infrastructure.observability.metrics import Metrics

__all__ = ["Metrics"]

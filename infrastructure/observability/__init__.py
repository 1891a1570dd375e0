"""Prometheus metrics and the small HTTP server that exposes them with a health check."""

from infrastructure.observability.metrics import Metrics
from infrastructure.observability.server import MetricsServer, start_metrics_server

__all__ = ["Metrics", "MetricsServer", "start_metrics_server"]

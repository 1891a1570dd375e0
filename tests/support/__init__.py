"""Helpers shared by the integration and migration tests."""

"""The composition root: wires settings, adapters and services, and offers the CLI."""

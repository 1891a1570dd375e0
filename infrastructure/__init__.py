"""Driven adapters: persistence, settings and the clock the domain's ports are built on."""

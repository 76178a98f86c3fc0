"""Headless subcommands of ``trove``: each module registers its parsers and handlers."""

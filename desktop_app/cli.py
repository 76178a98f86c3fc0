"""The ``trove`` command: no arguments opens the window; subcommands run headless."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from desktop_app import __version__
from desktop_app.commands.common import CommandError


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="trove",
        description="Find anything in your photos and documents by meaning, offline.",
    )
    parser.add_argument("--version", action="version", version=f"Trove {__version__}")
    parser.add_argument(
        "--self-test",
        action="store_true",
        help="index a small bundled sample in a temporary home, search it, report, exit",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    from desktop_app.commands import cluster_cmd, engine_cmds, models_cmd

    engine_cmds.register(sub)
    models_cmd.register(sub)
    cluster_cmd.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    from desktop_app.core.heap import limit_arenas

    limit_arenas()  # before any thread: see core/heap.py
    args_list = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser()
    args = parser.parse_args(args_list)
    try:
        if args.self_test:
            from desktop_app.commands.selftest import run_self_test

            return run_self_test()
        if args.command is None:
            from desktop_app.app import run_gui

            return run_gui()
        handler = args.handler
        return int(handler(args))
    except CommandError as exc:
        print(f"trove: {exc}", file=sys.stderr)
        return exc.exit_code
    except BrokenPipeError:
        # the reader went away (e.g. `trove search ... | head`): not an error
        import os

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except KeyboardInterrupt:
        print("trove: interrupted", file=sys.stderr)
        return 130

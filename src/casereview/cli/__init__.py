"""The command line, ``casereview SUBCOMMAND …``: one module per subcommand, each registering its
parser with ``set_defaults(func=…)``; :func:`main` runs ``args.func(args)``."""

from casereview.cli.command import build_parser, main

__all__ = ["build_parser", "main"]

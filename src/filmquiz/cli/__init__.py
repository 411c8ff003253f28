"""The ``filmquiz`` command line (typer): options, usage errors, and the one
place errors become messages and exit statuses."""

from filmquiz.cli.app import app, main

__all__ = ["app", "main"]

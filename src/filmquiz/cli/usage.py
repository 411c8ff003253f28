"""Help and usage errors in filmquiz's words: arguments named plainly in the
help, and every usage error as one ``error:`` line, a pointer to the help and
exit status 2, whatever command it comes from."""

# No ``from __future__ import annotations``: see filmquiz.cli.app.
import sys
from collections.abc import Sequence
from typing import Any

import typer
from typer.core import TyperCommand, TyperGroup

from filmquiz.cli.coercion import take_as_parsed
from filmquiz.cli.output import screen_for


class FilmquizCommand(TyperCommand):
    """A command whose help names its arguments plainly (``QUIZ``, not
    ``{QUIZ}`` or ``QUIZ <str>``)."""

    def get_params(self, ctx: Any) -> list[Any]:
        return take_as_parsed(super().get_params(ctx))

    def collect_usage_pieces(self, ctx: Any) -> list[str]:
        pieces = [self.options_metavar] if self.options_metavar else []
        for param in self.get_params(ctx):
            if param.param_type_name == "argument":
                name = param.metavar or (param.name or "").upper()
                name += "..." if param.nargs != 1 else ""
                pieces.append(name if param.required else f"[{name}]")
        return pieces

    def format_options(self, ctx: Any, formatter: Any) -> None:
        arguments = []
        options = []
        for param in self.get_params(ctx):
            if param.param_type_name == "argument":
                name = param.metavar or (param.name or "").upper()
                arguments.append((name, getattr(param, "help", None) or ""))
            else:
                record = param.get_help_record(ctx)
                if record is not None:
                    options.append(record)
        if arguments:
            with formatter.section("Arguments"):
                formatter.write_dl(arguments)
        if options:
            with formatter.section("Options"):
                formatter.write_dl(options)


class FilmquizGroup(TyperGroup):
    """The ``filmquiz`` group: usage errors become one ``error:`` line and a
    pointer to the help, exit status 2, whatever command they come from."""

    def get_params(self, ctx: Any) -> list[Any]:
        return take_as_parsed(super().get_params(ctx))

    def main(
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        windows_expand_args: bool = True,
        **extra: Any,
    ) -> Any:
        # The vendored click's exceptions: typer does not re-export them.
        from typer._click.exceptions import (
            ClickException,
            NoArgsIsHelpError,
            UsageError,
        )

        arguments = list(sys.argv[1:] if args is None else args)
        try:
            outcome = super().main(
                arguments,
                prog_name,
                complete_var,
                standalone_mode=False,
                windows_expand_args=windows_expand_args,
                **extra,
            )
        except NoArgsIsHelpError as error:
            command = error.ctx.command if error.ctx is not None else self
            names = ", ".join(getattr(command, "commands", {}))
            screen_for(no_color="--no-color" in arguments).usage_error(
                f"a command is missing: one of {names}", _help_command(error, arguments)
            )
            outcome = 2
        except UsageError as error:
            _usage_error(
                error,
                no_color="--no-color" in arguments,
                help_command=_help_command(error, arguments),
            )
            outcome = 2
        except ClickException as error:
            screen_for(no_color="--no-color" in arguments).error(error.format_message())
            outcome = error.exit_code
        except typer.Abort:
            outcome = 1
        code = outcome if isinstance(outcome, int) else 0
        if standalone_mode:
            sys.exit(code)
        return code


def _usage_error(error: Any, *, no_color: bool, help_command: str) -> None:
    """Show a usage error as filmquiz words it: ``error: --count must be 1 or
    more (got 0)``, then where the help is."""
    message = error.message or ""
    name = _parameter_name(error)
    if type(error).__name__ == "MissingParameter" and name:
        message = f"{name} is missing"
    elif isinstance(error, typer.BadParameter) and name:
        message = f"{name} {message}"
    else:
        message = message[:1].lower() + message[1:]
    screen_for(no_color=no_color).usage_error(message.rstrip("."), help_command)


def _help_command(error: Any, arguments: list[str]) -> str:
    """The command whose --help to point at: the error's own, or else the
    command named on the command line."""
    if error.ctx is not None:
        return str(error.ctx.command_path)
    words = ["filmquiz"]
    for word in arguments:
        if word.startswith("-"):
            break
        words.append(word)
        if word != "import":
            break
    return " ".join(words)


def _parameter_name(error: Any) -> str | None:
    """The option (``--count``) or argument (``QUIZ``) a usage error is about."""
    param = getattr(error, "param", None)
    if param is not None:
        longs = [name for name in param.opts if name.startswith("--")]
        return str(longs[0] if longs else param.metavar or param.name)
    hint = getattr(error, "param_hint", None)
    return hint if isinstance(hint, str) else None

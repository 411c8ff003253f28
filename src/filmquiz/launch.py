"""The ``filmquiz`` command: start the command line once it is ready.

While Python imports what the command line needs, Ctrl-C ends filmquiz as the
signal ends any program, quietly, with no traceback; only once the command
line is ready does Ctrl-C become KeyboardInterrupt, which every command turns
into a message and exit status 130.
"""

import signal

signal.signal(signal.SIGINT, signal.SIG_DFL)

import sys  # noqa: E402 - after the line above, on purpose


def main() -> None:
    """The entry point of the ``filmquiz`` script and of ``python -m``."""
    from filmquiz.cli import main as command_line

    # A terminal or pipe that cannot show a character (PYTHONIOENCODING=ascii,
    # LC_ALL=C) gets a stand-in for it, not a crash in the middle of a game.
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="replace")
    signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        command_line()
    except KeyboardInterrupt:
        sys.exit(130)
    finally:
        # Once the command is over, Ctrl-C during Python's shutdown ends it
        # quietly too.
        signal.signal(signal.SIGINT, signal.SIG_DFL)

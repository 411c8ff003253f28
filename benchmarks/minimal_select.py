"""The least a typer program can do to show one questionary select.

The start-up benchmark measures filmquiz's time to its first question against
this script's time to its only one.
"""

import questionary
import typer


def main() -> None:
    """Show one select and exit with the choice."""
    questionary.select("Pick one", choices=["Anita", "Cecilia", "Teresa"]).unsafe_ask()


if __name__ == "__main__":
    typer.run(main)

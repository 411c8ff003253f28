"""The least a typer command can do: take one text argument and print it.

Every typer command pays this much to start (typer 0.29 converts parameters
through pydantic); the start-up benchmark holds ``filmquiz list`` against it.
"""

import typer


def main(text: str) -> None:
    """Print ``text``."""
    print(text)


if __name__ == "__main__":
    typer.run(main)

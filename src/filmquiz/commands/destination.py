"""Where ``export`` and ``import`` write: checked before any work is done."""

from __future__ import annotations

from pathlib import Path

from filmquiz.errors import BadOption
from filmquiz.files import unwritable
from filmquiz.visible import quote


def file_to_write(output: Path) -> bool:
    """Whether ``output`` is there already, once it is known to name a file
    that may be written: a folder ("", ".") is a usage error, a name the
    file system refuses (too long ...) an error."""
    try:
        is_folder = output.is_dir() or not output.name
        exists = output.exists()
    except OSError as error:
        raise unwritable(output, error) from None
    if is_folder:
        folder = quote(str(output) or ".")
        raise BadOption("--output", f"must be a file to write, not the folder {folder}")
    return exists

"""Let ``python -m filmquiz`` do what the ``filmquiz`` command does."""

from filmquiz.cli import main

main()

"""Let ``python -m filmquiz`` do what the ``filmquiz`` command does."""

from filmquiz.launch import main

main()

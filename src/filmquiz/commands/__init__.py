"""What each command does, below the command line: given the options as
values and the environment, do the work and return a result
(:mod:`filmquiz.results`) for the renderer to draw."""

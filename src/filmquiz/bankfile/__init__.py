"""The bank file format: its rules, its model, and reading and checking a file."""

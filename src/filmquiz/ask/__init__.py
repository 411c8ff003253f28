"""Asking people: menus and prompts in a terminal, or lines without one."""

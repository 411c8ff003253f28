"""Everything drawn for people, with rich."""

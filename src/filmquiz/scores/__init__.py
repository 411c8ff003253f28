"""The score history: the store, what games add up to, keeping a game."""

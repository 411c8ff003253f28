"""A game: the pure engine that plans rounds, asks them and scores them."""

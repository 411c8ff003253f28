"""The banks there are: finding them, caching, saving, naming, importing."""

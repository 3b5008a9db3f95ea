"""syriacli: explore a corpus of news articles about Russia's campaign in Syria."""

__version__ = "0.1.0"

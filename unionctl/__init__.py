"""unionctl — the working tool of a hospital trade union (医院工会)."""

__version__ = "0.1.0"

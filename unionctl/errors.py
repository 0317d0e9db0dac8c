"""Domain errors.

Services raise `UnionError` with a message key and parameters instead of a finished
sentence, so the CLI can say it in the user's language (labels.MESSAGES holds both).
"""


class UnionError(Exception):
    """A user mistake or a refused operation: one line on stderr, exit 1, nothing written."""

    def __init__(self, key: str, /, **params: object) -> None:
        super().__init__(key)
        self.key = key
        self.params = params

    def message(self, lang: str = "en") -> str:
        from unionctl.labels import message

        return message(self.key, lang, **self.params)

    def __str__(self) -> str:
        return self.message("en")


class ImportRejected(UnionError):
    """A file import refused as a whole; `problems` lists every bad line."""

    def __init__(self, problems: list[tuple[int, UnionError]], /, **params: object) -> None:
        super().__init__("import_rejected", count=len({line for line, _ in problems}), **params)
        self.problems = problems


class RowProblems(Exception):
    """Every bad cell of one row of an import file, reported together (not shown as is:
    the import adds each problem with the row's line)."""

    def __init__(self, problems: list[UnionError]) -> None:
        super().__init__(problems)
        self.problems = problems


class DryRun(Exception):
    """Raised inside a write transaction to roll back what a --dry-run checked and wrote."""

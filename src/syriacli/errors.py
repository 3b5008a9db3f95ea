"""The errors a user can cause. The CLI turns each into one line on stderr."""


class SyriacliError(Exception):
    """Base class: anything raised on purpose by syriacli."""

    exit_code = 1


class BadDate(SyriacliError, ValueError):
    """A date the user typed that cannot be read."""


class BadOption(SyriacliError, ValueError):
    """An option's value the corpus cannot take (``--near`` a place without coordinates, a
    --from after --to); the CLI reports it as Click reports a bad value, exit 2."""

    exit_code = 2

    def __init__(self, message: str, option: str | None = None) -> None:
        super().__init__(message)
        self.option = option


class BadQuery(SyriacliError, ValueError):
    """A search query SQLite's FTS5 cannot run."""


class CorpusMissing(SyriacliError):
    """No corpus database where one was expected."""


class NotACorpus(SyriacliError):
    """A file given as --db that is not a syriacli corpus."""


class BuildError(SyriacliError):
    """A build that cannot start or cannot finish."""


class NoSuchArticle(SyriacliError):
    """An article id, id prefix or title word that names no article, or several."""


class CorpusBusy(SyriacliError):
    """A corpus another process holds locked past the wait (never 'not a corpus')."""


class Terminated(KeyboardInterrupt):
    """SIGTERM (`kill PID`, `timeout`), raised where the process is, as Ctrl-C is: every
    cleanup that Ctrl-C runs runs for it too."""

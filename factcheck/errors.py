"""The one exception family of factcheck.

Each class's docstring is its default message; the CLI prints ``Error: <message>``
on stderr and exits non-zero for any of them.
"""

from __future__ import annotations


class FactcheckError(Exception):
    """factcheck failed."""

    exit_code = 1

    def __init__(self, message: str | None = None) -> None:
        super().__init__(message or (self.__doc__ or "").strip())

    @property
    def message(self) -> str:
        return str(self)


class InputError(FactcheckError):
    """The input could not be read as a document."""


class UnsupportedFileError(InputError):
    """The file type is not supported."""


class EmptyDocumentError(InputError):
    """The document has no text."""


class BinaryContentError(InputError):
    """The file holds binary content, not text."""


class FileTooLargeError(InputError):
    """The file is larger than the size limit."""


class FetchError(InputError):
    """The page could not be fetched."""


class DatabaseError(FactcheckError):
    """The database could not be opened or updated."""


class NotFoundError(FactcheckError):
    """No such record."""

    exit_code = 2


class QueryError(FactcheckError):
    """The query is not valid."""

    exit_code = 2

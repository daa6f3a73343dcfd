"""Imported once by the server process that ingest workers are forked from (see ``pipeline``).

Importing it readies the extractor: its word lists are read and its patterns compiled
once, and every worker forked afterwards starts with them ready.
"""

from factcheck.extract import extract
from factcheck.ingest import prepare  # noqa: F401  (what the workers run)

extract("In 2020, 1,200 nurses in Leeds were paid 5% more, about £30,000 a year, the trust said.")

"""The extraction layer: text in, normalized claims out. Pure: no I/O, no database, no clock."""

from factcheck.extract.claims import EXTRACTOR_VERSION, ExtractedClaim, Extraction, analyse, extract

__all__ = ["EXTRACTOR_VERSION", "ExtractedClaim", "Extraction", "analyse", "extract"]

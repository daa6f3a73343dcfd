"""factcheck: a claim and statistic fact-checking database for news articles."""

__version__ = "0.1.0"

"""The storage layer: every SQL statement of factcheck lives in this package.

Its modules import one another in one direction only, from the bottom up (see the
README's "How it works" and ``tests/test_layers.py``).
"""

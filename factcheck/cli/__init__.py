"""The ``factcheck`` command line."""

"""Exceptions shared by the command line and the file cleaner."""


class UsageError(Exception):
    """A bad command line: the CLI exits with status 2 and this one-line message."""

"""The one error type the command line turns into a single line on stderr and exit code 2."""


class UserError(Exception):
    """Something the user can fix; the message says what and how, in one line."""

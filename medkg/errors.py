"""The one error type the CLI turns into a one-line message (never a traceback)."""


class MedkgError(Exception):
    """A user-facing error: bad path, unreadable file, corrupt or locked store, bad query...

    ``str(err)`` is a single line that names the file (or store) and the problem.
    """

    def __init__(self, message: str, exit_code: int = 1):
        super().__init__(" ".join(str(message).split()))
        self.exit_code = exit_code

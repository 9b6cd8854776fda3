"""The error boundary around every command: whatever goes wrong, the user reads a message in
their language, never a traceback, and the exit code follows SPEC section 5.

`matrix.errors.failure_message` says what happened: an error the product explains
(`RusmatriseError`: a file, the matrix, the store, a gap in the decision table) by its
message; the operating system's refusals (a full disk, a file too large, no permission) with
the file they concern; anything else, a fault in the product, by its type only (a message may
hold personal data), with how to see the details (RUSMATRISE_DEBUG=1).
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Callable

from matrix.errors import DEBUG_VARIABLE, failure_message
from matrix.messages import Lang, t
from matrix.safe_text import terminal_text

EXIT_FAILED = 1
EXIT_INTERRUPTED = 130

def guarded(command: str, run: Callable[[], int], lang: Lang, error_exit: int = EXIT_FAILED) -> int:
    """`run()`'s exit code, or `error_exit` (EXIT_INTERRUPTED) after a message on stderr."""
    if os.environ.get(DEBUG_VARIABLE) == "1":
        return run()
    try:
        return run()
    except KeyboardInterrupt:
        _say(t("avbrutt", lang))
        return EXIT_INTERRUPTED
    except Exception as error:  # the last line of defence: a message, never a traceback
        _say(failure_message(error, lang, command))
    return error_exit


def _say(text: str) -> None:
    # A message may carry a file name or a value from a file: shown, never obeyed by the terminal.
    with contextlib.suppress(OSError, ValueError):  # stderr itself is gone: the exit code still tells
        print(terminal_text(text, one_line=False), file=sys.stderr)

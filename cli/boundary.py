"""The error boundary around every command: whatever goes wrong, the user reads a message in
their language, never a traceback, and the exit code follows SPEC section 5.

- an error the product explains (`RusmatriseError`: a file, the matrix, the store, a gap in
  the decision table) is printed as its message;
- the operating system's refusals (a full disk, a file too large, no permission) are named
  with the file they concern;
- anything else is a fault in the product: it is named by its type only (a message may hold
  personal data) and the user is told how to see the details (RUSMATRISE_DEBUG=1).
"""

from __future__ import annotations

import contextlib
import errno
import os
import sys
from collections.abc import Callable

from matrix.errors import RusmatriseError
from matrix.messages import Lang, register, t
from matrix.safe_text import terminal_text

EXIT_FAILED = 1
EXIT_INTERRUPTED = 130
DEBUG_VARIABLE = "RUSMATRISE_DEBUG"

register({
    "os_feil": {"nb": "Kan ikke fullføre: {fil}: {grunn}", "en": "Cannot finish: {fil}: {grunn}"},
    "disk_full": {
        "nb": "Disken er full ({fil}); ingenting er skrevet. Frigjør plass eller skriv til en annen disk",
        "en": "The disk is full ({fil}); nothing was written. Free some space or write to another disk",
    },
    "for_stort": {
        "nb": "Inndata er for store eller for dypt nestet til å behandles ({grunn})",
        "en": "The input is too large or too deeply nested to process ({grunn})",
    },
    "intern_feil": {
        "nb": "Intern feil ({type}) i kommandoen {kommando}; ingenting er skrevet. Kjør med {variabel}=1 for detaljer,"
        " og meld feilen",
        "en": "Internal error ({type}) in the command {kommando}; nothing was written. Run with {variabel}=1 for details,"
        " and report it",
    },
    "avbrutt": {"nb": "Avbrutt; ingenting er skrevet", "en": "Interrupted; nothing was written"},
})


def os_message(error: OSError, lang: Lang) -> str:
    where = terminal_text(error.filename) if error.filename else "-"
    if error.errno in (errno.ENOSPC, errno.EDQUOT):
        return t("disk_full", lang, fil=where)
    return t("os_feil", lang, fil=where, grunn=error.strerror or type(error).__name__)


def guarded(command: str, run: Callable[[], int], lang: Lang, error_exit: int = EXIT_FAILED) -> int:
    """`run()`'s exit code, or `error_exit` (EXIT_INTERRUPTED) after a message on stderr."""
    if os.environ.get(DEBUG_VARIABLE) == "1":
        return run()
    try:
        return run()
    except RusmatriseError as error:
        _say(error.message(lang))
    except OSError as error:
        _say(os_message(error, lang))
    except (RecursionError, MemoryError) as error:
        _say(t("for_stort", lang, grunn=type(error).__name__))
    except KeyboardInterrupt:
        _say(t("avbrutt", lang))
        return EXIT_INTERRUPTED
    except Exception as error:  # the last line of defence: a fault, named by type only
        _say(t("intern_feil", lang, type=type(error).__name__, kommando=command, variabel=DEBUG_VARIABLE))
    return error_exit


def _say(text: str) -> None:
    with contextlib.suppress(OSError, ValueError):  # stderr itself is gone: the exit code still tells
        print(text, file=sys.stderr)

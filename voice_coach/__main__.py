"""The ``voice-coach`` command's entry point: the bare command opens the practice app at once.

Almost every launch is the bare command, and it parses nothing; yet going through the
click group first imported click and the command line's modules, and ran click's
parser, before the app could start: a part of the wait for the first screen that the
app never used. So the entry point looks at the arguments itself: none, and
:func:`voice_coach.launch.open_app` runs straight away, behind the same error boundary
as every command (:func:`voice_coach.cli.base.report`, imported only when something
failed); any arguments (a command, ``--typed``, ``--help``), and the click group takes
over, which opens the app the same way when no command is named.
"""

from __future__ import annotations

import sys


def main() -> None:
    """The console script, and ``python -m voice_coach``."""
    if sys.argv[1:]:
        from voice_coach.cli import main as command_line

        command_line()
        return
    from voice_coach import privacy
    from voice_coach.launch import open_app

    try:
        # As the click group does first: private modes, telemetry off (the app makes
        # the older files private itself, after its first frame).
        privacy.harden(tighten=False)
        open_app()
    except KeyboardInterrupt:
        from voice_coach.cli.base import fail

        fail("interrupted", 130)
    except Exception as exc:
        from voice_coach.cli.base import debugging, report

        report(exc, debug=debugging())


if __name__ == "__main__":
    main()

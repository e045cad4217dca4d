"""The one error boundary: known errors become one clear message and an exit code."""

from __future__ import annotations

import os
import sys
import traceback
from collections.abc import Sequence

from installation.core.errors import EXIT_BROKEN_PIPE, EXIT_INTERNAL, InstallationError


def main(argv: Sequence[str] | None = None) -> int:
    os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
    from installation.cli import parse

    args = parse(argv)
    try:
        return int(args.handler(args) or 0)
    except InstallationError as exc:
        if args.traceback:
            traceback.print_exc()
        print(f"installation: {exc.report()}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # output piped into `head`: end quietly, as SIGPIPE would
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_BROKEN_PIPE
    except Exception as exc:  # noqa: BLE001 - the boundary: never a bare traceback by default
        if args.traceback:
            traceback.print_exc()
        print(f"installation: internal error: {type(exc).__name__}: {exc} "
              "(run again with --traceback and report it)", file=sys.stderr)
        return EXIT_INTERNAL


if __name__ == "__main__":
    sys.exit(main())

"""The one error boundary: known errors become one clear message and an exit code."""

from __future__ import annotations

import gc
import os
import sys
import traceback
from collections.abc import Sequence

from installation.core.errors import EXIT_BROKEN_PIPE, EXIT_INTERNAL, InstallationError


def main(argv: Sequence[str] | None = None) -> int:
    os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
    gc.disable()  # start-up makes objects that live on: see start_collecting
    from installation.adapters.heap import keep_freed_memory

    keep_freed_memory()  # before anything large is made (see heap.py)
    from installation.cli import parse
    from installation.commands.common import start_collecting
    from installation.visuals.set_aside import each_round_set_aside

    try:
        args = parse(argv)
    except BaseException:  # help, a usage error: SystemExit
        start_collecting(survivors=False)
        raise
    if not args.until_first_frame:  # `run`, `bench`: start-up ends once their frames are up
        start_collecting(survivors=False)  # (nothing else times a frame)
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
    finally:
        start_collecting(survivors=False)  # `run` stopped before its first frame, or returned
        each_round_set_aside(False)  # (in a test: its process's own objects are not set aside)


if __name__ == "__main__":
    sys.exit(main())

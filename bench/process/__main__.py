"""Memory and start-up of ``learnbot run``, fed answers through the fake Bot API.

    .venv/bin/python -m bench.process [--backend postgresql] [--answers 10000]
        [--learners 50] [--json report.json]

The database (``learnbot_bench_process``) is dropped, created, migrated, seeded with a
generated course and dropped at the end. See README "Efficiency".
"""

import argparse
import asyncio
import json
import tempfile
from pathlib import Path

from bench.process.run import ProcessSizes, measure_process
from bench.support.databases import BACKENDS


def main() -> None:
    defaults = ProcessSizes()
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--backend", choices=BACKENDS, default="postgresql")
    parser.add_argument("--answers", type=int, default=defaults.answers)
    parser.add_argument("--learners", type=int, default=defaults.learners)
    parser.add_argument("--idle-seconds", type=float, default=defaults.idle_seconds)
    parser.add_argument("--json", type=Path, help="also write the report here")
    args = parser.parse_args()
    sizes = ProcessSizes(args.answers, args.learners, args.idle_seconds)
    with tempfile.TemporaryDirectory() as folder:
        report = asyncio.run(measure_process(args.backend, sizes, Path(folder)))
    for key, value in report.items():
        print(f"{key:<16} {value:.2f}" if isinstance(value, float) else f"{key:<16} {value}")
    if args.json:
        args.json.write_text(json.dumps(report, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()

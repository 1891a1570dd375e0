"""Answers per second, latency and SQL per answer through the real dispatcher.

    .venv/bin/python -m bench.answers [--backends sqlite,postgresql,mariadb] [--learners 32]
        [--seconds 10] [--rate 300] [--offered-seconds 10] [--json report.json]

Each backend gets a disposable database (``--database``, ``learnbot_bench_answers`` unless
told: dropped, created, migrated, seeded with a generated course, dropped at the end).
See docs/performance.md.
"""

import argparse
import asyncio
import json
import tempfile
from pathlib import Path

from bench.answers.report import print_report
from bench.answers.run import DATABASE, run_answers
from bench.answers.sizes import Sizes
from bench.support.databases import BACKENDS


def arguments() -> argparse.Namespace:
    defaults = Sizes()
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--backends", default=",".join(BACKENDS))
    parser.add_argument("--learners", type=int, default=defaults.learners, help="concurrent")
    parser.add_argument("--seconds", type=float, default=defaults.seconds, help="saturation")
    parser.add_argument("--warmup", type=float, default=defaults.warmup)
    parser.add_argument("--rate", type=float, default=defaults.rate, help="offered answers/s")
    parser.add_argument("--offered-seconds", type=float, default=defaults.offered_seconds)
    parser.add_argument("--offered-learners", type=int, default=defaults.offered_learners)
    parser.add_argument("--lessons", type=int, default=defaults.lessons, help="course size")
    parser.add_argument(
        "--profile", action="store_true", help="cProfile the saturation, own time by library"
    )
    parser.add_argument(
        "--rounds", type=int, default=defaults.rounds, help="turns taken with the ceiling"
    )
    parser.add_argument(
        "--database",
        default=DATABASE,
        help="the disposable database's name (two benchmarks at once need two)",
    )
    parser.add_argument("--json", type=Path, help="also write the report here")
    return parser.parse_args()


def main() -> None:
    args = arguments()
    sizes = Sizes(
        args.learners,
        args.seconds,
        args.warmup,
        args.rate,
        args.offered_seconds,
        args.offered_learners,
        args.lessons,
        args.profile,
        args.rounds,
    )
    with tempfile.TemporaryDirectory() as folder:
        backends = args.backends.split(",")
        report = asyncio.run(run_answers(backends, sizes, Path(folder), args.database))
    print_report(report)
    if args.json:
        args.json.write_text(json.dumps(report, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()

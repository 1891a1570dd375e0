"""The table: each backend against the ceiling and the raw reference, and where the SQL goes."""

from rich.console import Console
from rich.table import Table

from bench.answers.sizes import Report

COLUMNS = (
    *("", "answers/s", "x ceiling", "CPU ms", "x ceiling CPU", "x raw"),
    *("p50 ms", "p99 ms", "at offered/s"),
    *("statements", "round trips", "failed"),
)


def _ratio(value: float, reference: float | None) -> str:
    return f"{value / reference:.2f}x" if reference else "—"


def _latencies(figures: Report) -> tuple[str, str]:
    """A "≥" marks a lower bound: some arrivals were still waiting when the window closed."""
    bound = "≥" if figures["dropped"] else ""
    return f"{bound}{figures['p50_ms']:.1f}", f"{bound}{figures['p99_ms']:.1f}"


def _failed(figures: Report) -> str:
    """Answers refused or failed (an error, a deadlock, a stale attempt after one)."""
    return f"{figures['refusals'] / figures['answers']:.1%}" if figures["answers"] else "—"


def summary_table(report: Report) -> Table:
    ceiling = report["ceiling"]["answers_per_s"]
    table = Table(title="Answers through the real dispatcher")
    for column in COLUMNS:
        table.add_column(column, justify="right" if column else "left")
    failed = _failed(report["ceiling"])
    cpu = f"{report['ceiling']['cpu_ms_per_answer']:.2f}"
    table.add_row(
        "ceiling (no database), mean", f"{ceiling:.0f}", "1.00x", cpu, "1.00x", *["—"] * 6, failed
    )
    for backend, figures in report["backends"].items():
        if "ceiling_answers_per_s" in figures:
            beside = figures["ceiling_answers_per_s"]
            cpu = f"{figures['ceiling_cpu_ms_per_answer']:.2f}"
            table.add_row(
                f"ceiling beside {backend}", f"{beside:.0f}", "1.00x", cpu, "1.00x", *["—"] * 7
            )
        raw = figures.get("raw_answers_per_s")
        rate = figures["answers_per_s"]
        beside = figures.get("ceiling_answers_per_s", ceiling)
        cpu_beside = figures.get(
            "ceiling_cpu_ms_per_answer", report["ceiling"]["cpu_ms_per_answer"]
        )
        table.add_row(
            backend,
            f"{rate:.0f}",
            _ratio(rate, beside),
            f"{figures['cpu_ms_per_answer']:.2f}",
            _ratio(cpu_beside, figures["cpu_ms_per_answer"]),
            _ratio(rate, raw),
            *_latencies(figures),
            f"{figures['achieved_per_s']:.0f} of {figures['offered_per_s']:.0f}",
            f"{figures['statements_per_answer']:.1f}",
            f"{figures['round_trips_per_answer']:.1f}",
            _failed(figures),
        )
        if raw is not None:
            table.add_row(
                f"  raw {backend} driver",
                f"{raw:.0f}",
                _ratio(raw, beside),
                *["—"] * 2,
                "1.00x",
                *["—"] * 3,
                str(figures["raw_statements_per_answer"]),
                str(figures["raw_round_trips_per_answer"]),
                "—",
            )
    return table


def kinds_table(report: Report) -> Table:
    table = Table(title="Per answer kind (statements / round trips)")
    table.add_column("")
    kinds = ("wrong", "right", "completing")
    for kind in kinds:
        table.add_column(kind, justify="right")
    for backend, figures in report["backends"].items():
        cells = []
        for kind in kinds:
            found = figures["by_kind"].get(kind)
            cells.append(
                f"{found['statements']:.1f} / {found['round_trips']:.1f}" if found else "—"
            )
        table.add_row(backend, *cells)
    return table


def profile_table(backend: str, profile: Report) -> Table:
    table = Table(title=f"{backend}: own CPU time by library ({profile['total_s']:.1f} s)")
    table.add_column("library")
    table.add_column("share", justify="right")
    for library, share in profile["by_library"].items():
        if share >= 0.005:
            table.add_row(library, f"{share:.1%}")
    for top in profile["top_functions"]:
        table.add_row(f"  {top['function']}", f"{top['share']:.1%}")
    return table


def print_report(report: Report, console: Console | None = None) -> None:
    console = console or Console(width=150)
    console.print(summary_table(report))
    console.print(kinds_table(report))
    for backend, figures in report["backends"].items():
        if "profile" in figures:
            console.print(profile_table(backend, figures["profile"]))
    machine = report["machine"]
    load = ", ".join(
        f"{before:.1f}→{after:.1f}"
        for before, after in zip(machine["load_before"], machine["load_after"], strict=True)
    )
    console.print(f"{machine['cpus']} CPUs; load average 1/5/15 min before→after: {load}")
    for backend, figures in report["backends"].items():
        if figures["refusals"]:
            console.print(f"[red]{backend}: {figures['refusals']} answers refused or failed[/red]")
        for cause, count in figures["failures"].items():
            console.print(f"  {count} x {cause}")

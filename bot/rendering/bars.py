def progress_bar(done: int, total: int, width: int = 5) -> str:
    """``▰▰▰▱▱ 3/5``: filled cells in proportion, rounded down so 'full' means done."""
    filled = 0 if total == 0 else min(width, done * width // total)
    return f"{'▰' * filled}{'▱' * (width - filled)} {done}/{total}"

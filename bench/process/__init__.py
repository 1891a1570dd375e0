"""The process benchmark: ``learnbot run`` against the fake Bot API, its memory and start-up."""

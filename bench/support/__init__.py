"""What the answer and process benchmarks share: disposable databases, a course, plans."""

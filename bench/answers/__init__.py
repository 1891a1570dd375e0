"""The answer benchmark: learners answering through the real dispatcher, on each backend."""

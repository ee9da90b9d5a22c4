"""Where a flag points in a transcript, apart from the scorer's patterns.

Stored flags carry spans, and the store reads them back on the home screen's path;
:mod:`voice_coach.scoring.numbers`, where spans are found, compiles the scorer's
vocabulary when imported, which the first screen need not wait for.
"""

Span = tuple[int, int]
"""Character offsets [start, end) into the transcript."""

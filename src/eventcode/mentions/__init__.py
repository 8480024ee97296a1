"""Mention finders: actors, dates and places named in a sentence, with offsets into the document.

Each finder lives in its own module and loads its data on first use; ``location`` attaches the places found to
an event's clause. Importing this package imports nothing.
"""

__all__: list[str] = []

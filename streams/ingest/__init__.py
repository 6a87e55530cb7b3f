"""Getting articles in: feeds, fetching, full text, archives. I/O lives here."""

"""One module per section of the brief; each turns analysis results into blocks and data."""

"""Public pages of the practices app, one module per part: browse, lessons, cities, open data."""

"""diplowatch: scheduled scraping of diplomatic reports into meeting records."""

__version__ = "0.1.0"

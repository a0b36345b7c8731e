"""Settings and the source catalog: typed, immutable, layered (defaults < file < env < flags)."""

from config.catalog import Catalog, Source, load_catalog
from config.settings import Settings, load_settings

__all__ = ["Catalog", "Settings", "Source", "load_catalog", "load_settings"]

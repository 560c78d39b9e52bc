"""touzi: investment news from Chinese local governments, as records you can query and compare."""

__version__ = "0.1.0"

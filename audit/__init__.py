"""citeaudit: audit the citations of scholarly and policy papers."""

__version__ = "0.1.0"

"""Field extraction: pure string parsers (``parsers``) and, on top of them, per-document field readers."""

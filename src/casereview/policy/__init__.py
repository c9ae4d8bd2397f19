"""Policy data a province maintains beside its standards (discretion tables, exemption lists, roster)."""

"""Rectification ledger (整改台账) and objections with re-review (异议 / 复核) of a review session."""

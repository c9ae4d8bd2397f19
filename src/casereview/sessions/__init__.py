"""Review sessions (年度案卷评查): cases, reviewers, assignment, double review and arbitration,
offline packages."""
